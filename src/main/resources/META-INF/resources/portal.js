// The portal: plain JavaScript over the public API (/api/v1/search, suggest, subjects, measures, verifications,
// objections, reports; usage statistics with an administrator's token). No build step; served by the service at /;
// the one library is uPlot (charts), from its WebJar.
'use strict';

const I18N = {
  zh: {
    skip: '跳到正文', title: '公共信用信息查询平台', nav: '主导航', navSearch: '一站式查询', navCheck: '信用核查',
    navTrack: '异议查询', searchLabel: '名称、统一社会信用代码、拼音或法定代表人', searchPlaceholder: '例如：华信、91370900…、hxjc',
    suggestions: '联想', searchButton: '查询', filters: '筛选', more: '更多结果', total: n => `共 ${n} 条`,
    noHits: '没有找到匹配的主体', checkTitle: '信用核查（部门、信用服务机构）',
    checkHelp: '粘贴部门令牌（JWT，含 verify 权限）或 API 密钥。凭证只保存在本页内存中。', credential: '令牌或 API 密钥',
    scenario: '业务场景', codes: '统一社会信用代码（每行一个，最多 1000 个）', purpose: '核查事由（可选）', checkButton: '核查',
    trackTitle: '异议处理进度', trackingId: '异议编号', trackButton: '查询', objectionTitle: '提出异议',
    navStats: '使用统计', statsTitle: '核查使用与反馈统计（跟踪问效）', credentialAdmin: '管理员令牌',
    statsHelp: '粘贴管理员令牌（JWT，含 admin 权限），统计最近十二个月。凭证只保存在本页内存中。',
    statsDepartment: '部门代码（可选，例如 370100-SCJ）', statsButton: '统计', statsChart: '每月核查次数，按核查结论',
    statsTotals: s => `核查 ${s.checks} 次，共 ${s.codes} 个代码；需反馈 ${s.needingFeedback} 次，已反馈 ${s.feedbackReported} 次（反馈率 ${s.feedbackRate == null ? '—' : (s.feedbackRate * 100).toFixed(1) + '%'}），已采取措施 ${s.measuresApplied} 项；信用信息查询 ${s.lookups} 次`,
    colMonth: '月份', colDepartment: '部门', colChecks: '核查次数', colCodes: '代码数', colFeedbackRate: '反馈率',
    colMeasuresApplied: '已采取措施', statsEmpty: '该期间没有核查记录',
    navReport: '报告核验', reportTitle: '信用报告核验', reportNumber: '报告编号', reportIssued: '该报告由本平台出具',
    reportGenerated: '生成时间（北京时间）', reportDigest: '内容摘要（SHA-256）', reportSubject: '信用主体',
    reportSeal: 'PDF 报告带有平台的数字签名：在 PDF 阅读器中打开“签名”面板可查看其有效性；报告内容如被改动，签名即失效。',
    reason: '异议理由', filerName: '姓名或单位名称', contact: '联系电话或电子邮箱', submit: '提交', cancel: '取消',
    footer: '本平台仅使用公开接口 /api/v1；信息以认定部门的决定为准。', code: '统一社会信用代码', type: '主体类型',
    legalRep: '法定代表人', region: '行政区划', status: '登记状态', established: '成立日期', capital: '注册资本（万元）',
    address: '住所', grade: '公共信用综合评价', ruleVersion: '规则版本', lists: '红黑名单', noLists: '未列入红黑名单',
    records: '信用记录', noRecords: '无公开信用记录', until: '公示至', object: '提出异议', underObjection: '异议处理中',
    reportPdf: '下载信用报告（PDF）', reportJson: '信用报告（JSON）', listedOn: '列入日期', authority: '认定部门',
    filed: id => `异议编号 ${id}。请保存编号以查询处理进度。`, objectionState: '处理状态', objectionOf: what => `异议对象：${what}`,
    checking: '核查中…', summary: s => `共 ${s.checked} 个：禁止 ${s.block}，审慎 ${s.caution}，激励 ${s.reward}，无 ${s.clear}，未知 ${s.unknown}，无效 ${s.invalid}`,
    colInput: '输入', colStatus: '结果', colName: '名称', colVerdict: '结论', colGrade: '评价', colLists: '名单', colMeasures: '措施',
    colReason: '说明', verificationId: id => `核查编号 ${id}（可追溯）`, dueOn: '处理期限', filedAt: '提出时间（北京时间）',
    decision: '处理意见', objectionStatus: { FILED: '已提交', ACCEPTED: '已受理', REJECTED: '维持原信息', CORRECTED: '已更正', DELETED: '已删除' },
    verdicts: { BLOCK: '禁止', CAUTION: '审慎', REWARD: '激励', CLEAR: '无限制' },
    found: { FOUND: '找到', UNKNOWN: '未知', INVALID: '无效' }, loading: '加载中…', lang: 'English',
    filterNames: { subjectType: '主体类型', list: '名单', category: '信用记录类别', grade: '综合评价', region: '地区' },
  },
  en: {
    skip: 'Skip to content', title: 'Public credit information', nav: 'Main navigation', navSearch: 'Search', navCheck: 'Credit check',
    navTrack: 'Objection status', searchLabel: 'Name, unified social credit code, pinyin or legal representative',
    searchPlaceholder: 'e.g. 华信, 91370900…, hxjc', suggestions: 'Suggestions', searchButton: 'Search', filters: 'Filters',
    more: 'More results', total: n => `${n} results`, noHits: 'No subject matches', checkTitle: 'Credit check (departments, credit agencies)',
    checkHelp: 'Paste a department token (JWT with the verify scope) or an API key. It stays in this page\'s memory only.',
    credential: 'Token or API key', scenario: 'Scenario', codes: 'Credit codes (one per line, up to 1,000)',
    purpose: 'Purpose (optional)', checkButton: 'Check', trackTitle: 'Objection status', trackingId: 'Tracking id',
    navStats: 'Usage', statsTitle: 'Checks, their use and feedback', credentialAdmin: 'Administrator token',
    statsHelp: 'Paste an administrator token (JWT with the admin scope); the last twelve months are counted. It stays in this page\'s memory only.',
    statsDepartment: 'Department code (optional, e.g. 370100-SCJ)', statsButton: 'Count', statsChart: 'Checks per month, by verdict',
    statsTotals: s => `${s.checks} checks of ${s.codes} codes; ${s.needingFeedback} needed feedback, ${s.feedbackReported} reported (rate ${s.feedbackRate == null ? '—' : (s.feedbackRate * 100).toFixed(1) + '%'}), ${s.measuresApplied} measures applied; ${s.lookups} credit lookups`,
    colMonth: 'Month', colDepartment: 'Department', colChecks: 'Checks', colCodes: 'Codes', colFeedbackRate: 'Feedback rate',
    colMeasuresApplied: 'Measures applied', statsEmpty: 'No checks in this period',
    navReport: 'Check a report', reportTitle: 'Check a credit report', reportNumber: 'Report number',
    reportIssued: 'This report was issued by the platform', reportGenerated: 'Generated (Beijing time)',
    reportDigest: 'Content digest (SHA-256)', reportSubject: 'Subject',
    reportSeal: 'The PDF carries the platform\'s digital signature: a PDF reader\'s signature panel shows whether it is valid; any change to the report breaks it.',
    trackButton: 'Look up', objectionTitle: 'File an objection', reason: 'What is wrong', filerName: 'Your name or organisation',
    contact: 'Phone or e-mail', submit: 'Submit', cancel: 'Cancel',
    footer: 'This page uses the public API /api/v1 only; the deciding department\'s decision is authoritative.',
    code: 'Credit code', type: 'Type', legalRep: 'Legal representative', region: 'Region', status: 'Status',
    established: 'Established', capital: 'Registered capital (10k CNY)', address: 'Address', grade: 'Credit evaluation',
    ruleVersion: 'rules', lists: 'Red and black lists', noLists: 'On no red or black list', records: 'Credit records',
    noRecords: 'No public records', until: 'public until', object: 'Object', underObjection: 'under objection',
    reportPdf: 'Credit report (PDF)', reportJson: 'Credit report (JSON)', listedOn: 'listed', authority: 'authority',
    filed: id => `Tracking id ${id}; keep it to follow the case.`, objectionState: 'State', objectionOf: what => `Objection to: ${what}`,
    checking: 'Checking…', summary: s => `${s.checked} checked: block ${s.block}, caution ${s.caution}, reward ${s.reward}, clear ${s.clear}, unknown ${s.unknown}, invalid ${s.invalid}`,
    colInput: 'Input', colStatus: 'Result', colName: 'Name', colVerdict: 'Verdict', colGrade: 'Grade', colLists: 'Lists',
    colMeasures: 'Measures', colReason: 'Reason', verificationId: id => `Verification ${id} (kept for audit)`,
    dueOn: 'Due', filedAt: 'Filed (Beijing time)', decision: 'Decision', objectionStatus: { FILED: 'filed', ACCEPTED: 'accepted',
      REJECTED: 'information stands', CORRECTED: 'corrected', DELETED: 'deleted' },
    verdicts: { BLOCK: 'block', CAUTION: 'caution', REWARD: 'reward', CLEAR: 'clear' },
    found: { FOUND: 'found', UNKNOWN: 'unknown', INVALID: 'invalid' }, loading: 'Loading…', lang: '中文',
    filterNames: { subjectType: 'Type', list: 'List', category: 'Record category', grade: 'Grade', region: 'Region' },
  },
};
const LABELS = {
  subjectType: { ENTERPRISE: '企业法人', INDIVIDUAL_BUSINESS: '个体工商户', SOCIAL_ORGANISATION: '社会组织',
    PUBLIC_INSTITUTION: '事业单位', GOVERNMENT_ORGAN: '机关', NATURAL_PERSON: '自然人' },
  list: { SERIOUS_DISHONESTY: '严重失信主体名单', JUDGMENT_DEFAULTER: '失信被执行人', MAJOR_TAX_VIOLATION: '重大税收违法失信主体',
    GOVERNMENT_PROCUREMENT_VIOLATION: '政府采购严重违法失信', UNPAID_MIGRANT_WAGES: '拖欠农民工工资', WORK_SAFETY: '安全生产失信',
    ENVIRONMENTAL_DISHONESTY: '环保失信', FOOD_DRUG_DISHONESTY: '食品药品失信', ABNORMAL_OPERATION: '经营异常名录',
    STATISTICAL_DISHONESTY: '统计严重失信', TAX_CREDIT_A: '纳税信用A级', CUSTOMS_AEO: '海关高级认证企业', TRUSTWORTHY: '守信激励对象' },
  category: { ADMIN_LICENSE: '行政许可', ADMIN_PENALTY: '行政处罚', ADMIN_ENFORCEMENT: '行政强制', ADMIN_CONFIRMATION: '行政确认',
    ADMIN_LEVY: '行政征收', ADMIN_PAYMENT: '行政给付', ADMIN_RULING: '行政裁决', ADMIN_COMPENSATION: '行政补偿', ADMIN_REWARD: '行政奖励',
    ADMIN_INSPECTION: '行政监督检查', COURT_JUDGEMENT: '司法判决', TAX_CREDIT_RATING: '纳税信用等级', FOOD_DRUG: '食品药品',
    ENVIRONMENT: '生态环境', CONSTRUCTION: '工程建设', LABOUR_WAGES: '劳动用工与工资支付', CUSTOMS: '海关', E_COMMERCE: '电子商务',
    HONOUR: '荣誉表彰', CREDIT_COMMITMENT: '信用承诺' },
  grade: { A: 'A 守信', B: 'B 基本守信', C: 'C 失信风险', D: 'D 严重失信' },
};
const FACET_PARAMS = { subjectType: 'type', list: 'list', category: 'category', grade: 'grade' };

let lang = localStorage.getItem('cq-lang') === 'en' ? 'en' : 'zh';
const t = (key, ...args) => { const v = I18N[lang][key]; return typeof v === 'function' ? v(...args) : v; };
const $ = id => document.getElementById(id);
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const label = (group, value) => lang === 'zh' ? (LABELS[group]?.[value] ?? value) : value;

function applyLanguage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  document.querySelectorAll('[data-i18n-aria]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nAria)));
  $('lang').textContent = t('lang');
  $('lang').setAttribute('aria-pressed', String(lang === 'en'));
}

/** A problem response as one readable line: the detail and every field with its reason. */
class ApiError extends Error {
  constructor(problem, status) {
    const fields = (problem.errors || []).map(e => `${e.field}${lang === 'zh' ? '：' : ': '}${e.reason}`).join(lang === 'zh' ? '；' : '; ');
    super(fields || problem.detail || problem.title || `HTTP ${status}`);
    this.problem = problem;
  }
}

async function api(path, options = {}) {
  // Problem answers come in the portal's language (the API's default is English).
  const response = await fetch(path, { ...options, headers: { Accept: 'application/json',
    'Accept-Language': lang === 'zh' ? 'zh-CN' : 'en', ...(options.headers || {}) } });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(body || {}, response.status);
  return body;
}

// ---------- search ----------
const search = { q: '', filters: {}, cursor: null };

function searchPath() {
  const params = new URLSearchParams({ q: search.q, size: '20' });
  Object.entries(search.filters).forEach(([k, v]) => params.set(FACET_PARAMS[k], v));
  if (search.cursor) params.set('cursor', search.cursor);
  return '/api/v1/search?' + params;
}

async function runSearch(append) {
  $('status').textContent = t('loading');
  try {
    const result = await api(searchPath());
    $('status').textContent = result.total === 0 ? t('noHits') : t('total', result.total);
    const items = result.items.map(h => `<li class="hit">
        <a href="#/subject/${encodeURIComponent(h.code)}">${h.highlight || esc(h.name)}</a>
        <div class="muted">${esc(h.code)} · ${esc(label('subjectType', h.subjectType))}${h.legalRepresentative ? ' · ' + esc(h.legalRepresentative) : ''} · ${esc(h.regionName || h.regionCode)}</div>
        <div>${h.grade ? `<span class="badge">${esc(label('grade', h.grade))}</span>` : ''}${(h.lists || []).map(l => `<span class="badge">${esc(label('list', l))}</span>`).join('')}${h.underObjection ? `<span class="badge flag">${esc(t('underObjection'))}</span>` : ''}</div>
      </li>`).join('');
    $('results').innerHTML = append ? $('results').innerHTML + items : items;
    search.cursor = result.nextCursor || null;
    $('more').hidden = !search.cursor;
    if (!append && result.facets) renderFacets(result.facets);
  } catch (err) {
    $('status').innerHTML = `<span class="error">${esc(err.message)}</span>`;
  }
}

function renderFacets(facets) {
  const groups = Object.keys(FACET_PARAMS).filter(k => (facets[k] || []).length > 0);
  $('facets').hidden = groups.length === 0;
  $('facet-groups').innerHTML = groups.map(group => `<div class="facet" role="group" aria-labelledby="facet-${group}">
      <h3 id="facet-${group}">${esc(t('filterNames')[group])}</h3>
      ${facets[group].slice(0, 8).map(f => `<button type="button" data-facet="${group}" data-value="${esc(f.value)}"
        aria-pressed="${search.filters[group] === f.value}">${esc(label(group, f.value))} (${f.count})</button>`).join('')}
    </div>`).join('');
}

$('facet-groups').addEventListener('click', e => {
  const button = e.target.closest('button[data-facet]');
  if (!button) return;
  const { facet, value } = button.dataset;
  if (search.filters[facet] === value) delete search.filters[facet]; else search.filters[facet] = value;
  search.cursor = null;
  runSearch(false);
});
$('more').addEventListener('click', () => runSearch(true));
$('search').addEventListener('submit', e => {
  e.preventDefault();
  closeSuggestions();
  search.q = $('q').value.trim();
  if (!search.q) return;
  search.filters = {};
  search.cursor = null;
  if (location.hash && location.hash !== '#/') location.hash = '#/'; else show('search');
  runSearch(false);
});

// ---------- type-ahead (combobox with arrow keys, Enter, Escape) ----------
let suggestTimer;
let suggestIndex = -1;
function closeSuggestions() {
  $('suggestions').hidden = true;
  $('q').setAttribute('aria-expanded', 'false');
  $('q').removeAttribute('aria-activedescendant');
  suggestIndex = -1;
}
$('q').addEventListener('input', () => {
  clearTimeout(suggestTimer);
  const q = $('q').value.trim();
  if (!q) { closeSuggestions(); return; }
  suggestTimer = setTimeout(async () => {
    try {
      const items = await api('/api/v1/suggest?q=' + encodeURIComponent(q));
      $('suggestions').innerHTML = items.map((s, i) => `<li role="option" id="suggestion-${i}" aria-selected="false"
          data-code="${esc(s.code)}">${esc(s.name)} <span class="muted">${esc(s.code)}</span></li>`).join('');
      $('suggestions').hidden = items.length === 0;
      $('q').setAttribute('aria-expanded', String(items.length > 0));
      suggestIndex = -1;
    } catch (err) { closeSuggestions(); }
  }, 150);
});
$('q').addEventListener('keydown', e => {
  const options = [...$('suggestions').querySelectorAll('li')];
  if ($('suggestions').hidden || options.length === 0) return;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    suggestIndex = (suggestIndex + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === suggestIndex)));
    $('q').setAttribute('aria-activedescendant', options[suggestIndex].id);
  } else if (e.key === 'Enter' && suggestIndex >= 0) {
    e.preventDefault();
    openSubject(options[suggestIndex].dataset.code);
  } else if (e.key === 'Escape') {
    closeSuggestions();
  }
});
$('suggestions').addEventListener('click', e => {
  const li = e.target.closest('li[data-code]');
  if (li) openSubject(li.dataset.code);
});
function openSubject(code) {
  closeSuggestions();
  location.hash = '#/subject/' + encodeURIComponent(code);
}

// ---------- subject page ----------
let objectionTarget = null;

async function showSubject(code) {
  const view = $('view-subject');
  view.innerHTML = `<p class="muted">${esc(t('loading'))}</p>`;
  try {
    const path = '/api/v1/subjects/' + encodeURIComponent(code);
    const [p, records] = await Promise.all([api(path), api(path + '/records?size=100')]);
    const e = p.evaluation;
    const byCategory = {};
    records.items.forEach(r => (byCategory[r.category] = byCategory[r.category] || []).push(r));
    view.innerHTML = `<div class="card">
        <h2 id="subject-name">${esc(p.name)}</h2>
        <dl class="grid">
          <dt>${esc(t('code'))}</dt><dd id="subject-code">${esc(p.code)}</dd>
          <dt>${esc(t('type'))}</dt><dd>${esc(lang === 'zh' ? p.subjectTypeLabel : p.subjectType)}</dd>
          ${p.legalRepresentative ? `<dt>${esc(t('legalRep'))}</dt><dd>${esc(p.legalRepresentative)}</dd>` : ''}
          <dt>${esc(t('region'))}</dt><dd id="subject-region">${esc(p.regionName ? `${p.regionName}（${p.regionCode}）` : p.regionCode)}</dd>
          <dt>${esc(t('status'))}</dt><dd id="subject-status">${esc(lang === 'zh' && p.statusLabel ? p.statusLabel : p.status)}</dd>
          ${p.establishedOn ? `<dt>${esc(t('established'))}</dt><dd>${esc(p.establishedOn)}</dd>` : ''}
          ${p.registeredCapital != null ? `<dt>${esc(t('capital'))}</dt><dd>${esc(p.registeredCapital)}</dd>` : ''}
          ${p.address ? `<dt>${esc(t('address'))}</dt><dd>${esc(p.address)}</dd>` : ''}
        </dl>
        <p><a class="button secondary" href="${path}/report" download>${esc(t('reportPdf'))}</a>
           <a class="button secondary" href="${path}/report?format=json">${esc(t('reportJson'))}</a></p>
      </div>
      <div class="card" aria-labelledby="grade-title">
        <h3 id="grade-title">${esc(t('grade'))}</h3>
        <p><span class="grade grade-${esc(e.grade)}" id="subject-grade" aria-label="${esc(e.grade)}">${esc(e.grade)}</span>
           <strong>${esc(lang === 'zh' ? e.label : label('grade', e.grade))}</strong>
           <span class="muted">${esc(t('ruleVersion'))} ${esc(e.ruleVersion)}</span></p>
        <ul id="grade-reasons">${e.reasons.map(r => `<li>${esc(lang === 'zh' || !r.reasonEn ? r.reason : r.reasonEn)}${r.count > 0 ? ' × ' + r.count : ''}</li>`).join('')}</ul>
      </div>
      <div class="card" aria-labelledby="lists-title">
        <h3 id="lists-title">${esc(t('lists'))}</h3>
        ${p.lists.length === 0 ? `<p class="muted">${esc(t('noLists'))}</p>` : p.lists.map(l => `<div class="record badge-row">
          <div><span class="badge ${esc(l.kind)}">${esc(lang === 'zh' ? l.label : l.listType)}</span>
            ${l.underObjection ? `<span class="badge flag">${esc(t('underObjection'))}</span>` : ''}
            <div class="muted">${esc(t('authority'))} ${esc(l.authorityName || l.authority)} · ${esc(t('listedOn'))} ${esc(l.listedOn)} · ${esc(l.basis)}</div></div>
          ${l.underObjection ? '' : `<button type="button" class="secondary" data-object="listEntryId" data-id="${l.id}"
              data-what="${esc(l.label)}">${esc(t('object'))}</button>`}</div>`).join('')}
      </div>
      <div class="card" aria-labelledby="records-title">
        <h3 id="records-title">${esc(t('records'))}</h3>
        ${records.items.length === 0 ? `<p class="muted">${esc(t('noRecords'))}</p>` : Object.entries(byCategory).map(([category, items]) => `
          <h4>${esc(label('category', category))} (${items.length})</h4>
          ${items.map(r => `<div class="record">
            <div><strong>${esc(r.title)}</strong>
              ${r.status === 'UNDER_OBJECTION' ? `<span class="badge flag">${esc(t('underObjection'))}</span>` : ''}
              <div class="muted">${esc(r.decisionDate)} · ${esc(r.sourceDeptName || r.sourceDept)} · ${esc(r.sourceDocNo)}${r.publicityUntil ? ` · ${esc(t('until'))} ${esc(r.publicityUntil)}` : ''}</div></div>
            ${r.status === 'ACTIVE' ? `<button type="button" class="secondary" data-object="recordId" data-id="${r.id}"
                data-what="${esc(r.title)}">${esc(t('object'))}</button>` : ''}
          </div>`).join('')}`).join('')}
      </div>`;
    $('main').focus();
  } catch (err) {
    view.innerHTML = `<p class="error" role="alert">${esc(err.message)}</p>`;
  }
}

$('view-subject').addEventListener('click', e => {
  const button = e.target.closest('button[data-object]');
  if (!button) return;
  objectionTarget = { field: button.dataset.object, id: Number(button.dataset.id), opener: button };
  $('objection-target').textContent = t('objectionOf', button.dataset.what);
  $('objection-error').textContent = '';
  $('objection-dialog').showModal();
  $('o-reason').focus();
});
$('objection-cancel').addEventListener('click', () => $('objection-dialog').close());
$('objection').addEventListener('submit', async e => {
  e.preventDefault();
  try {
    const filed = await api('/api/v1/objections', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ [objectionTarget.field]: objectionTarget.id, reason: $('o-reason').value,
        filerName: $('o-name').value, contact: $('o-contact').value }) });
    $('objection-dialog').close();
    $('objection').reset();
    location.hash = '#/objection/' + filed.trackingId;
  } catch (err) {
    $('objection-error').textContent = err.message;
  }
});

// ---------- objection status ----------
async function showObjection(id) {
  $('tracking').value = id;
  try {
    const o = await api('/api/v1/objections/' + encodeURIComponent(id));
    $('track-result').innerHTML = `<div class="card" role="status">
      <p>${esc(t('filed', o.trackingId))}</p>
      <dl class="grid">
        <dt>${esc(t('objectionState'))}</dt><dd id="objection-status">${esc(t('objectionStatus')[o.status] || o.status)}</dd>
        <dt>${esc(t('code'))}</dt><dd>${esc(o.subjectCode)}</dd>
        <dt>${esc(t('filedAt'))}</dt><dd>${esc(beijingTime(o.filedAt))}</dd>
        <dt>${esc(t('dueOn'))}</dt><dd>${esc(o.dueOn)}</dd>
        ${o.decisionNote ? `<dt>${esc(t('decision'))}</dt><dd>${esc(o.decisionNote)}</dd>` : ''}
      </dl></div>`;
  } catch (err) {
    $('track-result').innerHTML = `<p class="error" role="alert">${esc(err.message)}</p>`;
  }
}
$('track').addEventListener('submit', e => {
  e.preventDefault();
  location.hash = '#/objection/' + encodeURIComponent($('tracking').value.trim());
});

// ---------- credit check ----------
let scenariosLoaded = false;
let scenarioNames = {};
async function loadScenarios() {
  if (scenariosLoaded) return;
  const catalogue = await api('/api/v1/measures');
  scenarioNames = Object.fromEntries(catalogue.scenarios.map(s => [s.code, lang === 'zh' ? s.label : s.code]));
  $('scenario').innerHTML = catalogue.scenarios.map(s => `<option value="${esc(s.code)}">${esc(lang === 'zh' ? s.label : s.code)}</option>`).join('');
  scenariosLoaded = true;
}
$('check').addEventListener('submit', async e => {
  e.preventDefault();
  const credential = $('credential').value.trim();
  const auth = credential.startsWith('eyJ') ? { Authorization: 'Bearer ' + credential } : { 'X-API-Key': credential };
  const codes = $('codes').value.split(/[\s,;，；]+/).filter(Boolean);
  $('check-status').textContent = t('checking');
  $('check-result').innerHTML = '';
  try {
    const result = await api('/api/v1/verifications', { method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: JSON.stringify({ scenario: $('scenario').value, codes, purpose: $('purpose').value || undefined }) });
    $('check-status').textContent = t('summary', result.summary) + ' · ' + t('verificationId', result.id);
    $('check-result').innerHTML = `<table><thead><tr><th>#</th><th>${esc(t('colInput'))}</th><th>${esc(t('colStatus'))}</th>
      <th>${esc(t('colName'))}</th><th>${esc(t('colVerdict'))}</th><th>${esc(t('colGrade'))}</th><th>${esc(t('colLists'))}</th>
      <th>${esc(t('colMeasures'))}</th><th>${esc(t('colReason'))}</th></tr></thead><tbody>
      ${result.items.map(i => `<tr data-status="${esc(i.status)}"><td data-label="#">${i.index + 1}</td>
        <td data-label="${esc(t('colInput'))}">${esc(i.input)}</td>
        <td data-label="${esc(t('colStatus'))}">${esc(t('found')[i.status])}</td>
        <td data-label="${esc(t('colName'))}">${esc(i.name || '')}</td>
        <td data-label="${esc(t('colVerdict'))}" class="verdict-${esc(i.verdict || '')}">${i.verdict ? esc(t('verdicts')[i.verdict]) : ''}</td>
        <td data-label="${esc(t('colGrade'))}">${i.grade ? esc(label('grade', i.grade)) : ''}</td>
        <td data-label="${esc(t('colLists'))}">${(i.lists || []).map(l => esc(label('list', l.listType)) + (l.underObjection ? ' (' + esc(t('underObjection')) + ')' : '')).join('<br>')}</td>
        <td data-label="${esc(t('colMeasures'))}">${(i.measures || []).map(m => esc(m.measure + ' · ' + m.description)).join('<br>')}</td>
        <td data-label="${esc(t('colReason'))}" class="reason">${esc((lang === 'zh' && i.reasonZh) || i.reason || '')}</td></tr>`).join('')}</tbody></table>`;
  } catch (err) {
    $('check-status').innerHTML = `<span class="error" role="alert">${esc(err.message)}</span>`;
  }
});

// ---------- report check (扫码核验: the QR code on every page links to the API; this page shows it for people) ----------
const beijingTime = iso => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

async function showReport(number) {
  $('report-number').value = number;
  try {
    const r = await api('/api/v1/reports/' + encodeURIComponent(number));
    $('report-result').innerHTML = `<div class="card" role="status">
      <p><strong id="report-issued">${esc(t('reportIssued'))}</strong></p>
      <dl class="grid">
        <dt>${esc(t('reportNumber'))}</dt><dd>${esc(r.number)}</dd>
        <dt>${esc(t('reportSubject'))}</dt><dd id="report-subject">${esc(r.subjectName || '')} ${esc(r.subjectCode || '')}</dd>
        <dt>${esc(t('reportGenerated'))}</dt><dd>${esc(beijingTime(r.generatedAt))}</dd>
        <dt>${esc(t('reportDigest'))}</dt><dd class="digest">${esc(r.contentSha256)}</dd>
      </dl>
      <p class="muted">${esc(t('reportSeal'))}</p></div>`;
  } catch (err) {
    $('report-result').innerHTML = `<p class="error" role="alert">${esc(err.message)}</p>`;
  }
}
$('report-check').addEventListener('submit', e => {
  e.preventDefault();
  location.hash = '#/report/' + encodeURIComponent($('report-number').value.trim());
});

// ---------- usage statistics (跟踪问效): GET /api/v1/admin/statistics, admin scope ----------
const VERDICT_COLOURS = { block: '#b3261e', caution: '#b26a00', reward: '#1b6e3a', clear: '#4a5a75', unknown: '#8a8a8a', invalid: '#5c3b8a' };
let statsChart = null;
/** Month rows summed over departments, regions and scenarios: { '2026-11': { checks, verdicts… } }. */
function byMonth(rows) {
  const months = {};
  rows.forEach(r => {
    const m = months[r.month] || (months[r.month] = { checks: 0, block: 0, caution: 0, reward: 0, clear: 0, unknown: 0, invalid: 0 });
    m.checks += r.checks;
    Object.keys(VERDICT_COLOURS).forEach(v => { m[v] += r.verdicts[v]; });
  });
  return months;
}
/** Every month of the period, oldest first ('2025-12' … '2026-12'), so that a month without checks shows as 0. */
function monthsOf(from, to) {
  const months = [];
  for (let d = new Date(from.slice(0, 7) + '-01T00:00:00Z'); d.toISOString().slice(0, 7) <= to.slice(0, 7);
    d.setUTCMonth(d.getUTCMonth() + 1)) months.push(d.toISOString().slice(0, 7));
  return months;
}
function drawStatsChart(stats) {
  if (statsChart) { statsChart.destroy(); statsChart = null; }
  const months = byMonth(stats.checks);
  // Rows are counted by Beijing month; the period's ends may be written in UTC, so the rows' months are added too.
  const keys = [...new Set([...monthsOf(stats.from, stats.to), ...Object.keys(months)])].sort();
  $('stats-figure').hidden = stats.checks.length === 0;
  if (!stats.checks.length) return;
  const verdicts = Object.keys(VERDICT_COLOURS);
  const data = [keys.map((k, i) => i), ...verdicts.map(v => keys.map(k => (months[k] || {})[v] || 0))];
  const target = $('stats-chart');
  target.setAttribute('aria-label', t('statsChart'));
  statsChart = new uPlot({ width: Math.min(target.clientWidth || 720, 960), height: 280, scales: { x: { time: false } },
    axes: [{ incrs: [1, 2, 3, 6], space: 60, values: (u, splits) => splits.map(i => keys[i] || '') }, {}],
    series: [{ label: t('colMonth'), value: (u, i) => i == null ? '' : keys[i] || '' },
      ...verdicts.map(v => ({ label: t('verdicts')[v.toUpperCase()] || t('found')[v.toUpperCase()],
        stroke: VERDICT_COLOURS[v], width: 2 }))] }, data, target);
}
$('stats').addEventListener('submit', async e => {
  e.preventDefault();
  const department = $('stats-department').value.trim();
  $('stats-status').textContent = t('loading');
  ['stats-totals', 'stats-table'].forEach(id => { $(id).innerHTML = ''; });
  if (statsChart) { statsChart.destroy(); statsChart = null; }
  $('stats-figure').hidden = true;
  try {
    await loadScenarios();
    const stats = await api('/api/v1/admin/statistics' + (department ? '?department=' + encodeURIComponent(department) : ''),
      { headers: { Authorization: 'Bearer ' + $('stats-credential').value.trim() } });
    $('stats-status').textContent = stats.checks.length ? '' : t('statsEmpty');
    $('stats-totals').innerHTML = `<p id="stats-summary">${esc(t('statsTotals', stats.totals))}</p>`;
    drawStatsChart(stats);
    const rate = r => r == null ? '—' : (r * 100).toFixed(1) + '%';
    $('stats-table').innerHTML = stats.checks.length === 0 ? '' : `<table><thead><tr><th>${esc(t('colMonth'))}</th>
      <th>${esc(t('colDepartment'))}</th><th>${esc(t('scenario'))}</th><th>${esc(t('colChecks'))}</th><th>${esc(t('colCodes'))}</th>
      <th>${esc(t('colFeedbackRate'))}</th><th>${esc(t('colMeasuresApplied'))}</th></tr></thead><tbody>
      ${stats.checks.map(r => `<tr><td data-label="${esc(t('colMonth'))}">${esc(r.month)}</td>
        <td data-label="${esc(t('colDepartment'))}">${esc(r.departmentName || r.department)}</td>
        <td data-label="${esc(t('scenario'))}">${esc(scenarioNames[r.scenario] || r.scenario)}</td>
        <td data-label="${esc(t('colChecks'))}">${r.checks}</td><td data-label="${esc(t('colCodes'))}">${r.codes}</td>
        <td data-label="${esc(t('colFeedbackRate'))}">${rate(r.feedbackRate)}</td>
        <td data-label="${esc(t('colMeasuresApplied'))}">${r.measuresApplied}</td></tr>`).join('')}</tbody></table>`;
  } catch (err) {
    $('stats-status').innerHTML = `<span class="error" role="alert">${esc(err.message)}</span>`;
  }
});

// ---------- views and routes ----------
function show(name) {
  ['search', 'subject', 'check', 'objection', 'report', 'statistics'].forEach(v => { $('view-' + v).hidden = v !== name; });
}

function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, ''));
  if (hash.startsWith('/subject/')) {
    show('subject');
    showSubject(hash.substring('/subject/'.length));
  } else if (hash === '/check') {
    show('check');
    loadScenarios().catch(err => { $('check-status').textContent = err.message; });
  } else if (hash.startsWith('/objection')) {
    show('objection');
    const id = hash.substring('/objection/'.length);
    if (id) showObjection(id);
  } else if (hash === '/statistics') {
    show('statistics');
  } else if (hash.startsWith('/report')) {
    show('report');
    const number = hash.substring('/report/'.length);
    if (number) showReport(number);
  } else if (hash.length > 1 && !hash.startsWith('/')) {
    location.replace('#/subject/' + encodeURIComponent(hash)); // old deep links: /#<code>
  } else {
    show('search');
  }
}

$('lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('cq-lang', lang);
  applyLanguage();
  scenariosLoaded = false;
  route();
});
window.addEventListener('hashchange', route);
applyLanguage();
route();
const initialQuery = new URLSearchParams(location.search).get('q');
if (initialQuery && !location.hash) {
  $('q').value = initialQuery;
  $('search').requestSubmit();
}

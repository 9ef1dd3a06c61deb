package io.creditquery.report;

import io.creditquery.evaluation.Evaluation;
import io.creditquery.record.RecordPage;
import io.creditquery.subject.SubjectProfile;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.quarkus.runtime.Startup;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jboss.logging.Logger;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Map;
import java.security.cert.X509Certificate;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * Renders a credit report as an A4 PDF with the CJK font embedded (subset), so the Chinese text is real, searchable
 * text. Blocking (PDFBox): call it on the report renderer's threads ({@link ReportRenderer}). The 16.8 MB font
 * collection is parsed once per renderer thread and kept (it was parsed on every request: most of a report's CPU
 * and the heap that ran out under a burst); a parsed font is not safe to share between threads, and the renderer
 * has few, long-lived ones.
 */
@ApplicationScoped
@Startup // a seal that cannot be read, or a key that is not its certificate's, stops the start, not every report
public class ReportPdf {

    private record LoadedFont(TrueTypeCollection collection, TrueTypeFont font) {
    }

    private final ThreadLocal<LoadedFont> fonts = ThreadLocal.withInitial(this::loadFont);

    private static final Logger LOG = Logger.getLogger(ReportPdf.class);
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    /** The QR code in the bottom-right corner of every page, below the text (which stops 70 pt above the edge). */
    private static final float QR_SIZE = 56;
    /** People read times in Beijing time; the offset is printed so the moment is unambiguous. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '北京时间' (XXX)")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final ReportConfig config;
    private final ReportSeal seal;

    public ReportPdf(ReportConfig config) {
        this.config = config;
        if (config.signingKey().isPresent() != config.signingCertificate().isPresent()) {
            throw new IllegalStateException("credit.report.signing-key and signing-certificate are set together or not at all");
        }
        this.seal = config.signingKey().isPresent()
                ? ReportSeal.load(Path.of(config.signingKey().get()), Path.of(config.signingCertificate().get())) : null;
        if (seal == null) {
            LOG.warn("credit.report.signing-key / signing-certificate are not set: PDF reports are not signed");
        }
    }

    /** The certificate reports are signed with, or null if they are not signed. */
    public X509Certificate sealCertificate() {
        return seal == null ? null : seal.certificate();
    }

    /** Whether the configured font can be read; reports answer 503 naming it otherwise. */
    public boolean fontAvailable() {
        return new File(config.font()).canRead();
    }

    public String fontPath() {
        return config.font();
    }

    private LoadedFont loadFont() {
        try {
            TrueTypeCollection collection = new TrueTypeCollection(new File(config.font()));
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(font -> {
                if (first[0] == null) {
                    first[0] = font;
                }
            });
            return new LoadedFont(collection, first[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] render(CreditReport report, String sha256, String verifyPath) {
        try (PDDocument document = new PDDocument()) {
            TrueTypeFont glyphs = fonts.get().font();
            String verifyUrl = config.verifyBaseUrl().replaceAll("/+$", "") + verifyPath;
            Writer writer = new Writer(document, PDType0Font.load(document, glyphs, true), glyphs, report.number(),
                    verifyUrl);
            write(writer, report, sha256, verifyUrl);
            writer.close();
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("公共信用信息报告 " + report.number());
            info.setCreator(report.issuer());
            Calendar created = GregorianCalendar.from(report.generatedAt().toZonedDateTime());
            created.setTimeZone(TimeZone.getTimeZone(report.generatedAt().getOffset()));
            info.setCreationDate(created);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            if (seal != null) {
                return seal.seal(out.toByteArray(), report.number(), report.generatedAt(), report.issuer());
            }
            return out.toByteArray();
        } catch (IOException e) {
            LOG.errorf("rendering report %s failed: %s", report.number(), e.getMessage());
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Writer w, CreditReport report, String sha256, String verifyUrl) throws IOException {
        SubjectProfile s = report.subject();
        w.line("公共信用信息报告", 18, true);
        w.line("Public credit information report", 10, false);
        w.gap(6);
        w.field("报告编号 Report no.", report.number());
        w.field("生成时间 Generated", STAMP.format(report.generatedAt()));
        w.field("出具 Issuer", report.issuer());
        w.field("查询视图 View", report.view());
        w.field("内容摘要 SHA-256", sha256);
        w.field("核验 Verify at（扫描每页右下角二维码）", verifyUrl);
        w.section("一、基本信息 Basic data");
        w.field("名称 Name", s.name());
        w.field("统一社会信用代码 / 证件号", s.code());
        w.field("主体类型 Type", s.subjectTypeLabel());
        w.field("法定代表人 Legal representative", s.legalRepresentative());
        w.field("行政区划 Region", s.regionName() == null ? s.regionCode() : s.regionName() + "（" + s.regionCode() + "）");
        w.field("行业 Industry", s.industryCode());
        w.field("登记状态 Status", s.statusLabel() == null ? s.status() : s.statusLabel());
        w.field("成立日期 Established", s.establishedOn() == null ? null : s.establishedOn().toString());
        w.field("注册资本（万元） Capital", s.registeredCapital() == null ? null : s.registeredCapital().toPlainString());
        w.field("住所 Address", s.address());
        Evaluation e = s.evaluation();
        w.section("二、公共信用综合评价 Evaluation");
        w.line(e.grade() + " 级 · " + e.label() + "（规则版本 " + e.ruleVersion() + "）", 13, true);
        for (Evaluation.Reason reason : e.reasons()) {
            w.line("· [" + reason.grade() + "] " + reason.reason() + (reason.count() > 0 ? " × " + reason.count() : ""),
                    10, false);
        }
        w.section("三、红黑名单 Lists in force");
        if (s.lists().isEmpty()) {
            w.line("无 None", 10, false);
        }
        for (SubjectProfile.ListBadge badge : s.lists()) {
            w.line((badge.kind().equals("RED") ? "红名单 " : "黑名单 ") + badge.label()
                    + (badge.underObjection() ? "（异议处理中 under objection）" : ""), 10, true);
            w.line("认定部门 " + named(badge.authorityName(), badge.authority()) + " · 列入日期 " + badge.listedOn()
                    + (badge.plannedExitOn() == null ? "" : " · 计划移出 " + badge.plannedExitOn()), 9, false);
            w.line("依据 " + badge.basis(), 9, false);
        }
        w.section("四、信用记录 Credit records");
        if (report.records().isEmpty()) {
            w.line("无 None", 10, false);
        }
        for (CreditReport.CategorySection section : report.records()) {
            w.line(section.label() + "（" + section.items().size() + "）", 11, true);
            for (RecordPage.RecordView r : section.items()) {
                String flag = switch (r.status()) {
                    case "REPAIRED" -> "（已修复，存档）";
                    case "ACTIVE" -> "";
                    default -> "（" + r.statusLabel() + "）";
                };
                w.line(r.decisionDate() + "  " + r.title() + flag, 9, false);
                w.line("    " + named(r.sourceDeptName(), r.sourceDept()) + " · " + r.sourceDocNo()
                        + (r.publicityUntil() == null ? "" : " · 公示至 " + r.publicityUntil()), 8, false);
            }
        }
        if (report.recordsCut()) {
            w.line("记录较多，本报告仅列出最新部分；完整记录请查询接口。Only the newest records are listed.", 9, false);
        }
        w.gap(10);
        w.line("本报告依据平台归集的公共信用信息生成，信息以认定部门的决定为准；对信息有异议的，可凭记录编号提出异议。", 8, false);
    }

    /** A department as people read it: its name with the code, or the code alone if the name is not known. */
    private static String named(String name, String code) {
        return name == null ? code : name + "（" + code + "）";
    }

    /** Lines of text top to bottom, wrapped to the page width, new pages as needed, a footer on each page. */
    private static final class Writer {
        private final PDDocument document;
        private final PDType0Font font;
        private final TrueTypeFont glyphs;
        private final String number;
        private final String verifyUrl;
        private PDPageContentStream content;
        private float y;
        private int pages;

        Writer(PDDocument document, PDType0Font font, TrueTypeFont glyphs, String number, String verifyUrl)
                throws IOException {
            this.document = document;
            this.font = font;
            this.glyphs = glyphs;
            this.number = number;
            this.verifyUrl = verifyUrl;
            newPage();
        }

        void section(String title) throws IOException {
            gap(8);
            line(title, 12, true);
            content.setStrokingColor(Color.GRAY);
            content.moveTo(MARGIN, y - 4);
            content.lineTo(MARGIN + WIDTH, y - 4);
            content.stroke();
            gap(8);
        }

        void field(String label, String value) throws IOException {
            if (value != null && !value.isBlank()) {
                line(label + "：" + value, 10, false);
            }
        }

        void gap(float points) {
            y -= points;
        }

        void line(String text, float size, boolean bold) throws IOException {
            for (String part : wrap(printable(text), size)) {
                if (y - size < MARGIN + 20) {
                    newPage();
                }
                y -= size * 1.45f;
                content.beginText();
                content.setFont(font, size);
                content.setNonStrokingColor(bold ? Color.BLACK : Color.DARK_GRAY);
                content.newLineAtOffset(MARGIN, y);
                content.showText(part);
                content.endText();
            }
        }

        void close() throws IOException {
            content.close();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            pages++;
            content = new PDPageContentStream(document, page);
            content.beginText();
            content.setFont(font, 8);
            content.setNonStrokingColor(Color.GRAY);
            content.newLineAtOffset(MARGIN, MARGIN - 10);
            content.showText("报告编号 " + number + " · 第 " + pages + " 页 · 扫码核验 →");
            content.endText();
            qr(verifyUrl, MARGIN + WIDTH - QR_SIZE, 8, QR_SIZE);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        /** A QR code of {@code text} (error correction M, no quiet zone drawn: the page margin is one) as filled squares. */
        private void qr(String text, float x, float y, float size) throws IOException {
            BitMatrix modules;
            try {
                modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
            } catch (WriterException e) {
                throw new IOException("the verification address cannot be put in a QR code", e);
            }
            float module = size / modules.getWidth();
            content.setNonStrokingColor(Color.BLACK);
            for (int row = 0; row < modules.getHeight(); row++) {
                for (int column = 0; column < modules.getWidth(); column++) {
                    if (modules.get(column, row)) {
                        content.addRect(x + column * module, y + size - (row + 1) * module, module, module);
                    }
                }
            }
            content.fill();
        }

        /** Characters the font has no glyph for would stop PDFBox; they print as a replacement mark instead. */
        private String printable(String text) throws IOException {
            StringBuilder out = new StringBuilder(text.length());
            var cmap = glyphs.getUnicodeCmapLookup();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                out.appendCodePoint(cmap.getGlyphId(cp) == 0 || Character.isISOControl(cp) ? '?' : cp);
                i += Character.charCount(cp);
            }
            return out.toString();
        }

        private List<String> wrap(String text, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String next = line + new String(Character.toChars(cp));
                if (font.getStringWidth(next) / 1000 * size > WIDTH && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder();
                }
                line.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            lines.add(line.toString());
            return lines;
        }
    }
}

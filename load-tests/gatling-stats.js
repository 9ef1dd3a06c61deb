// A Gatling report's statistics (js/stats.js) by request name, with "all" first: { name: { numberOfRequests, … } }.
const fs = require("fs");
exports.byRequest = dir => {
  const stats = new Function(fs.readFileSync(dir + "/js/stats.js", "utf8") + "\nreturn stats;")();
  return Object.fromEntries([["all", stats.stats], ...Object.values(stats.contents || {}).map(c => [c.name, c.stats])]);
};

// Stand-in for office-addin-manifest in Jest: office-addin-mock imports it (its dependencies are ESM-only)
// and only reads the OfficeApp host names from it.
module.exports = {
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
};

// Stand-in for office-addin-manifest in Jest: office-addin-mock imports it but never calls it.
module.exports = {};

/* Material's bundle fetches sitemap.xml beside every rel=alternate link (instant navigation, its
 * language selector: the site uses neither). Those fetches 404 for page-level alternates and fail
 * from file://; answer them with an empty sitemap. Loaded in <head>, before the bundle. */
(function () {
  var open = XMLHttpRequest.prototype.open;
  var empty = "data:application/xml,%3Curlset%20xmlns%3D%22http%3A%2F%2Fwww.sitemaps.org%2Fschemas%2Fsitemap%2F0.9%22%2F%3E";
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\/sitemap\.xml(\?|$)/.test(String(url))) args[1] = empty;
    return open.apply(this, args);
  };
})();

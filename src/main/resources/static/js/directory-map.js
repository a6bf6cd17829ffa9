// The map of a page of structures (directory results, a pôle's members): those that have a location
// (their element carries data-lat and data-lon, and its first link names it), on the configured tile
// server. The list stays the reference: when the map cannot load (no network, tiles refused),
// nothing is lost. The whole directory is in the GeoJSON export, for those who want every point.
(function () {
  'use strict';
  function start() {
    var element = document.getElementById('directory-map');
    if (!element || typeof L === 'undefined') {
      return;
    }
    element.hidden = false;
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(element.dataset.tileUrl, { attribution: element.dataset.attribution, maxZoom: 18 }).addTo(map);
    map.setView([48.2, -2.9], 7);
    var markers = [];
    document.querySelectorAll('[data-lat][data-lon]').forEach(function (card) {
      var link = card.querySelector('a');
      var popup = document.createElement('a');
      popup.href = link.href;
      popup.textContent = link.textContent;
      markers.push(L.marker([parseFloat(card.dataset.lat), parseFloat(card.dataset.lon)],
        { title: link.textContent, alt: link.textContent }).bindPopup(popup));
    });
    if (markers.length > 0) {
      var group = L.featureGroup(markers).addTo(map);
      map.fitBounds(group.getBounds(), { maxZoom: 13, padding: [20, 20] });
    }
    element.dataset.markers = String(markers.length);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

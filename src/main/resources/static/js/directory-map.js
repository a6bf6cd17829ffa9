// The directory's map: the structures of the current search that have a location, from the GeoJSON
// export, on the configured tile server. The list of results stays the reference: when the map
// cannot load (no network, tiles refused), nothing is lost.
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
    fetch(element.dataset.geojson, { headers: { Accept: 'application/geo+json' } })
      .then(function (response) { return response.ok ? response.json() : { features: [] }; })
      .then(function (collection) {
        var markers = [];
        collection.features.forEach(function (feature) {
          var point = feature.geometry.coordinates;
          var properties = feature.properties;
          var popup = document.createElement('a');
          popup.href = properties.page;
          popup.textContent = properties.name;
          markers.push(L.marker([point[1], point[0]], { title: properties.name, alt: properties.name }).bindPopup(popup));
        });
        if (markers.length > 0) {
          var group = L.featureGroup(markers).addTo(map);
          map.fitBounds(group.getBounds(), { maxZoom: 13, padding: [20, 20] });
        }
        element.dataset.markers = String(markers.length);
      })
      .catch(function () { element.dataset.markers = '0'; });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

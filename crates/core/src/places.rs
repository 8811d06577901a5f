//! Places of the pilot municipality, Fushë-Arrëz: the villages a resident can point near, and the
//! area a chosen point must fall in.
//!
//! A request's location is a point the resident chooses; it is kept with the name of the nearest
//! village, and anything public (the transparency page) shows no more than that village. The
//! coordinates are approximate centres, good enough to name the nearest village and to draw a
//! schematic map; they are not a survey.
//!
//! ```
//! use mcommunity_core::places;
//! assert_eq!(places::nearest(42.063, 20.018).map(|v| v.id), Some("fushe-arrez"));
//! assert!(places::nearest(41.33, 19.82).is_none(), "Tirana is outside the municipality");
//! ```

/// The pilot municipality's name (a proper noun, the same in every language).
pub const MUNICIPALITY: &str = "Fushë-Arrëz";

/// A village (or the town) of the municipality.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Village {
    /// A stable id, stored in submissions.
    pub id: &'static str,
    /// Its name (a proper noun, the same in every language).
    pub name: &'static str,
    /// Latitude of its centre, in degrees.
    pub lat: f64,
    /// Longitude of its centre, in degrees.
    pub lon: f64,
}

/// The area of the municipality (south, west, north, east), in degrees: a point outside it is not
/// the municipality's.
pub const BOUNDS: (f64, f64, f64, f64) = (41.98, 19.86, 42.30, 20.18);

/// The villages, the town first.
pub const VILLAGES: &[Village] = &[
    Village { id: "fushe-arrez", name: "Fushë-Arrëz", lat: 42.0622, lon: 20.0167 },
    Village { id: "qelez", name: "Qelëz", lat: 42.0905, lon: 20.0660 },
    Village { id: "domgjon", name: "Domgjon", lat: 42.0950, lon: 19.9830 },
    Village { id: "blerim", name: "Blerim", lat: 42.1230, lon: 19.9300 },
    Village { id: "iballe", name: "Iballë", lat: 42.1780, lon: 20.0000 },
    Village { id: "fierze", name: "Fierzë", lat: 42.2530, lon: 20.0400 },
    Village { id: "qafe-mali", name: "Qafë-Mali", lat: 42.0400, lon: 20.0900 },
    Village { id: "bugjon", name: "Bugjon", lat: 42.0300, lon: 20.0000 },
    Village { id: "kryezi", name: "Kryezi", lat: 42.0750, lon: 20.1050 },
];

/// Whether a point lies in the municipality's area.
pub fn within(lat: f64, lon: f64) -> bool {
    let (south, west, north, east) = BOUNDS;
    lat.is_finite() && lon.is_finite() && (south..=north).contains(&lat) && (west..=east).contains(&lon)
}

/// The village nearest to a point of the municipality; `None` for a point outside it.
pub fn nearest(lat: f64, lon: f64) -> Option<&'static Village> {
    if !within(lat, lon) {
        return None;
    }
    // At this latitude a degree of longitude is about three quarters of a degree of latitude.
    let scale = lat.to_radians().cos();
    let distance = |v: &Village| (v.lat - lat).powi(2) + ((v.lon - lon) * scale).powi(2);
    VILLAGES.iter().min_by(|a, b| distance(a).total_cmp(&distance(b)))
}

/// The village with this id.
pub fn village(id: &str) -> Option<&'static Village> {
    VILLAGES.iter().find(|v| v.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_village_is_inside_the_area_and_nearest_to_itself() {
        for v in VILLAGES {
            assert!(within(v.lat, v.lon), "{} lies outside the bounds", v.id);
            assert_eq!(nearest(v.lat, v.lon).map(|n| n.id), Some(v.id), "a village's centre names the village");
            assert_eq!(village(v.id), Some(v));
        }
        let ids: std::collections::BTreeSet<_> = VILLAGES.iter().map(|v| v.id).collect();
        assert_eq!(ids.len(), VILLAGES.len(), "ids are unique");
    }

    #[test]
    fn points_outside_or_not_numbers_have_no_village() {
        assert_eq!(nearest(42.25, 20.03).map(|v| v.id), Some("fierze"));
        assert!(nearest(f64::NAN, 20.0).is_none());
        assert!(nearest(42.1, f64::INFINITY).is_none());
        assert!(nearest(42.5, 20.0).is_none());
        assert!(village("tirana").is_none());
    }
}

//! Flat rates (hit-domain.md §2.2, §3.2): the five rates a call may offer,
//! each a whole percentage 1 to 100, fixed or "up to", and the rules on
//! which of them may be combined.

use super::numbers::{Range, number};
use crate::issue::{Code, Issue};
use crate::template::read::{Doc, Obj, object_in};

/// A flat rate the call offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlatRate {
    /// Percent, 1 to 100.
    pub rate: u32,
    /// `true`: "up to" `rate` (a partner chooses 1..=rate); `false`: fixed.
    pub adjustable: bool,
}

/// The five flat rates of Jems (§3.2), each optional.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FlatRates {
    /// Staff costs on direct costs other than staff.
    pub staff: Option<FlatRate>,
    /// Office and administration on staff costs.
    pub office_on_staff: Option<FlatRate>,
    /// Office and administration on direct costs.
    pub office_on_direct: Option<FlatRate>,
    /// Travel and accommodation on staff costs.
    pub travel_on_staff: Option<FlatRate>,
    /// Other costs on staff costs (cannot be combined with any other flat rate).
    pub other_on_staff: Option<FlatRate>,
}

/// The JSON names of the flat rates, in [`FlatRates::all`] order.
pub const FLAT_RATE_NAMES: [&str; 5] =
    ["staff", "officeOnStaff", "officeOnDirect", "travelOnStaff", "otherOnStaff"];

impl FlatRates {
    /// The five rates in [`FLAT_RATE_NAMES`] order.
    pub fn all(&self) -> [Option<FlatRate>; 5] {
        [
            self.staff,
            self.office_on_staff,
            self.office_on_direct,
            self.travel_on_staff,
            self.other_on_staff,
        ]
    }
}

const WHOLE_PERCENT: Range = Range { min: 1, max: 100, scale: 0 };

/// Reads the configuration's `flatRates` and applies the combination rules.
pub(crate) fn read(root: &Obj, p: &mut Vec<Issue>) -> FlatRates {
    let Some(v) = root.map.get("flatRates") else { return FlatRates::default() };
    let Some(obj) = object_in(Doc::Config, v, &root.at("flatRates"), &FLAT_RATE_NAMES, p) else {
        return FlatRates::default();
    };
    let [staff, office_on_staff, office_on_direct, travel_on_staff, other_on_staff] =
        FLAT_RATE_NAMES.map(|name| {
            let v = obj.map.get(name)?;
            let rate = object_in(Doc::Config, v, &obj.at(name), &["rate", "adjustable"], p)?;
            let value =
                rate.req("rate", p).and_then(|v| number(v, &rate.at("rate"), WHOLE_PERCENT, p));
            let adjustable = rate.req("adjustable", p).map(|_| rate.flag("adjustable", p));
            Some(FlatRate { rate: u32::try_from(value?).ok()?, adjustable: adjustable? })
        });
    // §3.2: office-on-staff and office-on-direct exclude each other; other
    // costs on staff exclude every other flat rate. Rates that are present
    // count even when their values had problems.
    let given: Vec<&str> =
        FLAT_RATE_NAMES.into_iter().filter(|n| obj.map.contains_key(*n)).collect();
    let combination = |rate: &str, other: &str| {
        Issue::error(obj.at(rate), Code::ConfigFlatRateCombination)
            .with("rate", rate)
            .with("other", other)
    };
    if given.contains(&"officeOnStaff") && given.contains(&"officeOnDirect") {
        p.push(combination("officeOnDirect", "officeOnStaff"));
    }
    if given.contains(&"otherOnStaff") {
        for other in given.iter().filter(|n| **n != "otherOnStaff") {
            p.push(combination("otherOnStaff", other));
        }
    }
    FlatRates { staff, office_on_staff, office_on_direct, travel_on_staff, other_on_staff }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rate(r: u32) -> serde_json::Value {
        json!({"rate": r, "adjustable": false})
    }

    fn problems(v: serde_json::Value) -> (FlatRates, Vec<Issue>) {
        let mut p = Vec::new();
        let root = object_in(Doc::Config, &v, "", &["flatRates"], &mut p).unwrap();
        (read(&root, &mut p), p)
    }

    #[test]
    fn staff_office_on_staff_and_travel_combine() {
        let (rates, p) = problems(json!({"flatRates": {
            "staff": rate(20), "officeOnStaff": rate(15), "travelOnStaff": rate(15)}}));
        assert_eq!(p, []);
        assert_eq!(rates.all().iter().flatten().count(), 3);
        assert_eq!(rates.staff, Some(FlatRate { rate: 20, adjustable: false }));
    }

    #[test]
    fn other_costs_and_the_office_rates_exclude_each_other() {
        let (_, p) = problems(json!({"flatRates": {
            "otherOnStaff": rate(40), "staff": rate(20), "officeOnDirect": rate(25),
            "officeOnStaff": {"rate": 15.5, "adjustable": true}}}));
        let got: Vec<_> = p
            .iter()
            .map(|i| {
                (i.path.as_str(), i.code.as_str(), i.params.get("other").and_then(|o| o.as_str()))
            })
            .collect();
        let combination = "config.flat_rate_combination";
        assert_eq!(
            got,
            [
                ("/flatRates/officeOnStaff/rate", "config.out_of_range", None),
                ("/flatRates/officeOnDirect", combination, Some("officeOnStaff")),
                ("/flatRates/otherOnStaff", combination, Some("staff")),
                ("/flatRates/otherOnStaff", combination, Some("officeOnStaff")),
                ("/flatRates/otherOnStaff", combination, Some("officeOnDirect")),
            ]
        );
    }
}

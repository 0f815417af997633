//! Call settings as checked data, with Jems' rules (hit-domain.md §2.2,
//! §3.4): funds and their co-financing rates, lump sums and unit costs,
//! allowed real costs, period length; flat rates are in `flat_rates.rs`.

use super::flat_rates::FlatRates;
use super::numbers::{Range, number};
use crate::issue::{Code, Issue, pointer_push};
use crate::template::read::{Doc, Obj, object_in};
use rust_decimal::Decimal;

/// The call settings of a configuration (all optional in the JSON).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CallSettings {
    /// Length of a project period in months (1 to 99).
    pub period_length: Option<u32>,
    /// The funds of the call, with their maximum (or fixed) co-financing rates.
    pub funds: Vec<Fund>,
    /// Whether a partner may combine several funds.
    pub additional_fund_allowed: bool,
    /// The flat rates the call offers.
    pub flat_rates: FlatRates,
    /// The programme lump sums the call offers.
    pub lump_sums: Vec<CostOption>,
    /// The programme unit costs the call offers.
    pub unit_costs: Vec<CostOption>,
    /// Which cost categories may be declared as real costs.
    pub allowed_real_costs: AllowedRealCosts,
    /// Whether projects may define their own unit costs.
    pub project_defined_unit_cost_allowed: bool,
    /// Whether projects may define their own lump sums.
    pub project_defined_lump_sum_allowed: bool,
}

/// A fund of the call.
#[derive(Clone, Debug, PartialEq)]
pub struct Fund {
    /// The programme fund's id.
    pub id: String,
    /// Its type (JSON: `ERDF`, `IPA_III_CBC`, …).
    pub fund_type: String,
    /// Co-financing rate in percent: 1 to 100, at most 2 decimals.
    pub rate: Decimal,
    /// `true`: `rate` is a maximum; `false`: partners must use exactly `rate`.
    pub adjustable: bool,
}

impl Fund {
    /// Whether it is an EU fund (every type except `OTHER`, §2.1).
    pub fn is_eu(&self) -> bool {
        self.fund_type != "OTHER"
    }
}

/// Fund types Jems knows (`ProgrammeFundType`); every type except `OTHER` is an EU fund.
pub const FUND_TYPES: &[&str] = &[
    "ERDF",
    "IPA_III_CBC",
    "NEIGHBOURHOOD_CBC",
    "IPA_III",
    "NDICI",
    "OCTP",
    "INTERREG_FUNDS",
    "OTHER",
];

/// A lump sum or unit cost of the call.
#[derive(Clone, Debug, PartialEq)]
pub struct CostOption {
    /// The programme cost option's id.
    pub id: String,
    /// Cost (per unit): above 0, at most 999 999 999.99, at most 2 decimals.
    pub cost: Decimal,
}

/// The cost categories that may be declared as real costs (each `true` by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AllowedRealCosts {
    /// Staff costs.
    pub staff: bool,
    /// Travel and accommodation.
    pub travel: bool,
    /// External expertise and services.
    pub external: bool,
    /// Equipment.
    pub equipment: bool,
    /// Infrastructure and works.
    pub infrastructure: bool,
}

impl Default for AllowedRealCosts {
    fn default() -> Self {
        AllowedRealCosts {
            staff: true,
            travel: true,
            external: true,
            equipment: true,
            infrastructure: true,
        }
    }
}

/// The root properties holding call settings.
pub(crate) const KEYS: &[&str] = &[
    "periodLength",
    "funds",
    "additionalFundAllowed",
    "flatRates",
    "lumpSums",
    "unitCosts",
    "allowedRealCosts",
    "projectDefinedUnitCostAllowed",
    "projectDefinedLumpSumAllowed",
];

/// 1 to 100 with at most 2 decimals (Jems' DECIMAL(5,2) fund rates).
const PERCENT: Range = Range { min: 100, max: 10_000, scale: 2 };
const PERIOD: Range = Range { min: 1, max: 99, scale: 0 };
/// Above 0 (so at least 0.01) up to 999 999 999.99.
const MONEY: Range = Range { min: 1, max: 99_999_999_999, scale: 2 };

/// Reads the call settings from the configuration root.
pub(crate) fn read(root: &Obj, problems: &mut Vec<Issue>) -> CallSettings {
    let p = problems;
    let period_length = root.map.get("periodLength").and_then(|v| {
        number(v, &root.at("periodLength"), PERIOD, p).and_then(|d| u32::try_from(d).ok())
    });
    CallSettings {
        period_length,
        funds: funds(root, p),
        additional_fund_allowed: root.flag("additionalFundAllowed", p),
        flat_rates: super::flat_rates::read(root, p),
        lump_sums: cost_options(root, "lumpSums", p),
        unit_costs: cost_options(root, "unitCosts", p),
        allowed_real_costs: real_costs(root, p),
        project_defined_unit_cost_allowed: root.flag("projectDefinedUnitCostAllowed", p),
        project_defined_lump_sum_allowed: root.flag("projectDefinedLumpSumAllowed", p),
    }
}

fn funds(root: &Obj, p: &mut Vec<Issue>) -> Vec<Fund> {
    let mut ids = Ids::default();
    let list = root.opt_array("funds", p).map(Vec::as_slice).unwrap_or_default();
    let mut out = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let at = pointer_push(&root.at("funds"), &i.to_string());
        let keys = &["id", "type", "rate", "adjustable"];
        let Some(obj) = object_in(Doc::Config, v, &at, keys, p) else { continue };
        let id = ids.claim(&obj, p);
        let fund_type = obj.req_str("type", p).filter(|t| {
            let known = FUND_TYPES.contains(t);
            if !known {
                p.push(invalid(&obj.at("type"), t, "a fund type such as ERDF or OTHER"));
            }
            known
        });
        let rate = obj.req("rate", p).and_then(|v| number(v, &obj.at("rate"), PERCENT, p));
        let adjustable = obj.req("adjustable", p).map(|_| obj.flag("adjustable", p));
        if let (Some(id), Some(t), Some(rate), Some(adjustable)) = (id, fund_type, rate, adjustable)
        {
            out.push(Fund { id, fund_type: t.to_owned(), rate, adjustable });
        }
    }
    out
}

fn cost_options(root: &Obj, key: &str, p: &mut Vec<Issue>) -> Vec<CostOption> {
    let mut ids = Ids::default();
    let list = root.opt_array(key, p).map(Vec::as_slice).unwrap_or_default();
    let mut out = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let at = pointer_push(&root.at(key), &i.to_string());
        let Some(obj) = object_in(Doc::Config, v, &at, &["id", "cost"], p) else { continue };
        let id = ids.claim(&obj, p);
        let cost = obj.req("cost", p).and_then(|v| number(v, &obj.at("cost"), MONEY, p));
        if let (Some(id), Some(cost)) = (id, cost) {
            out.push(CostOption { id, cost });
        }
    }
    out
}

fn real_costs(root: &Obj, p: &mut Vec<Issue>) -> AllowedRealCosts {
    let all = AllowedRealCosts::default();
    let Some(v) = root.map.get("allowedRealCosts") else { return all };
    let keys = &["staff", "travel", "external", "equipment", "infrastructure"];
    let Some(obj) = object_in(Doc::Config, v, &root.at("allowedRealCosts"), keys, p) else {
        return all;
    };
    AllowedRealCosts {
        staff: obj.bool_or("staff", true, p),
        travel: obj.bool_or("travel", true, p),
        external: obj.bool_or("external", true, p),
        equipment: obj.bool_or("equipment", true, p),
        infrastructure: obj.bool_or("infrastructure", true, p),
    }
}

/// The ids seen in one list, to report duplicates with the first place.
#[derive(Default)]
struct Ids(crate::template::StrMap);

impl Ids {
    /// Reads a required non-empty `id`; reports a duplicate.
    fn claim(&mut self, obj: &Obj, p: &mut Vec<Issue>) -> Option<String> {
        let id = obj.req_str("id", p)?;
        let at = obj.at("id");
        if id.trim().is_empty() || id.len() > 64 {
            p.push(Doc::Config.out_of_range(&at, "an id of 1 to 64 characters"));
            return None;
        }
        if let Some(first) = self.0.get(id) {
            p.push(duplicate(&at, id, first));
            return None;
        }
        self.0.insert(id.to_owned(), at);
        Some(id.to_owned())
    }
}

/// A `config.duplicate` problem.
pub(crate) fn duplicate(at: &str, value: &str, first: &str) -> Issue {
    Issue::error(at, Code::ConfigDuplicate).with("value", value).with("first", first)
}

/// A `config.invalid_value` problem.
pub(crate) fn invalid(at: &str, value: &str, expected: &str) -> Issue {
    Issue::error(at, Code::ConfigInvalidValue).with("value", value).with("expected", expected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read_json(v: serde_json::Value) -> (CallSettings, Vec<(String, Code)>) {
        let mut p = Vec::new();
        let root = object_in(Doc::Config, &v, "", KEYS, &mut p).unwrap();
        let s = read(&root, &mut p);
        (s, p.into_iter().map(|i| (i.path, i.code)).collect())
    }

    #[test]
    fn defaults_when_nothing_is_set() {
        let (s, p) = read_json(json!({}));
        assert_eq!(p, []);
        assert_eq!(s, CallSettings::default());
        assert!(s.allowed_real_costs.infrastructure);
    }

    #[test]
    fn funds_and_cost_options_are_checked() {
        let (s, p) = read_json(json!({
            "funds": [{"id": "F1", "type": "NDICI", "rate": 85.25, "adjustable": true},
                      {"id": "F2", "type": "OTHER", "rate": 100, "adjustable": false, "note": 1}],
            "lumpSums": [{"id": "A", "cost": 0}, {"id": "B", "cost": 999999999.99},
                         {"id": "B", "cost": 1}, {"cost": 10.001}],
            "unitCosts": [{"id": "A", "cost": 1000000000}]
        }));
        let want = [
            ("/funds/1/note", Code::ConfigUnknownProperty),
            ("/lumpSums/0/cost", Code::ConfigOutOfRange),
            ("/lumpSums/2/id", Code::ConfigDuplicate),
            ("/lumpSums/3", Code::ConfigMissing),
            ("/lumpSums/3/cost", Code::ConfigOutOfRange),
            ("/unitCosts/0/cost", Code::ConfigOutOfRange),
        ];
        let want: Vec<_> = want.into_iter().map(|(a, c)| (a.to_owned(), c)).collect();
        assert_eq!(p, want);
        assert_eq!(s.funds.len(), 2);
        assert!(s.funds[0].is_eu() && !s.funds[1].is_eu());
        assert_eq!(s.lump_sums.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["B"]);
    }
}

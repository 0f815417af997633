//! The call settings as parameters, so that template expressions can read
//! them as `$name` (`$periodLength`, `$flatRateStaff`, `$funds`…). One table
//! gives every name with its type and value; the names are reserved, so a
//! template cannot declare a parameter of the same name. docs/configuration.md
//! lists the mapping.

use super::Config;
use super::call::CostOption;
use super::flat_rates::FlatRate;
use crate::shape::{RecordShape, Type};
use crate::value::{Record, Value};
use rust_decimal::Decimal;
use std::sync::Arc;

const FLAT_RATES: [&str; 5] = [
    "flatRateStaff",
    "flatRateOfficeOnStaff",
    "flatRateOfficeOnDirect",
    "flatRateTravelOnStaff",
    "flatRateOtherOnStaff",
];
const FLAT_RATES_ADJUSTABLE: [&str; 5] = [
    "flatRateStaffAdjustable",
    "flatRateOfficeOnStaffAdjustable",
    "flatRateOfficeOnDirectAdjustable",
    "flatRateTravelOnStaffAdjustable",
    "flatRateOtherOnStaffAdjustable",
];
const REAL_COSTS: [&str; 5] = [
    "realCostStaffAllowed",
    "realCostTravelAllowed",
    "realCostExternalAllowed",
    "realCostEquipmentAllowed",
    "realCostInfrastructureAllowed",
];

/// `(name, type, value)` of every call parameter of `c`.
pub(crate) fn entries(c: &Config) -> Vec<(&'static str, Type, Value)> {
    let s = &c.call;
    let text = |t: &str| Value::Text(t.to_owned());
    let texts = |l: &[String]| Value::List(l.iter().map(|t| text(t)).collect());
    let num = |n: Option<u32>| n.map_or(Value::Null, |n| Value::Number(Decimal::from(n)));
    let mut out = vec![
        ("callType", Type::Text, text(c.call_type.as_str())),
        ("twoStep", Type::Bool, Value::Bool(c.two_step)),
        ("inputLanguages", list_of(Type::Text), texts(&c.input_languages)),
        ("fallbackLanguage", Type::Text, text(&c.fallback_language)),
        ("periodLength", Type::Number, num(s.period_length)),
        ("additionalFundAllowed", Type::Bool, Value::Bool(s.additional_fund_allowed)),
    ];
    let step = if c.two_step && c.step == super::Step::One { 1 } else { 2 };
    out.push(("step", Type::Number, Value::Number(Decimal::from(step))));
    let hidden = c.visibility.keys().filter(|id| !c.field_visible(id, c.step));
    out.push(("hiddenIds", list_of(Type::Text), Value::List(hidden.map(|id| text(id)).collect())));
    let fund_shape = shape(&[
        ("id", Type::Text),
        ("type", Type::Text),
        ("rate", Type::Number),
        ("adjustable", Type::Bool),
    ]);
    let funds = s.funds.iter().map(|f| {
        record(vec![
            text(&f.id),
            text(&f.fund_type),
            Value::Number(f.rate),
            Value::Bool(f.adjustable),
        ])
    });
    out.push(("funds", Type::List(Box::new(fund_shape)), Value::List(funds.collect())));
    for (i, rate) in s.flat_rates.all().into_iter().enumerate() {
        out.push((FLAT_RATES[i], Type::Number, num(rate.map(|r: FlatRate| r.rate))));
        let adjustable = rate.is_some_and(|r| r.adjustable);
        out.push((FLAT_RATES_ADJUSTABLE[i], Type::Bool, Value::Bool(adjustable)));
    }
    let cost_shape = Type::List(Box::new(shape(&[("id", Type::Text), ("cost", Type::Number)])));
    let costs = |l: &[CostOption]| {
        Value::List(l.iter().map(|o| record(vec![text(&o.id), Value::Number(o.cost)])).collect())
    };
    out.push(("lumpSums", cost_shape.clone(), costs(&s.lump_sums)));
    out.push(("unitCosts", cost_shape, costs(&s.unit_costs)));
    let r = s.allowed_real_costs;
    for (name, allowed) in
        REAL_COSTS.into_iter().zip([r.staff, r.travel, r.external, r.equipment, r.infrastructure])
    {
        out.push((name, Type::Bool, Value::Bool(allowed)));
    }
    out.push((
        "projectDefinedUnitCostAllowed",
        Type::Bool,
        Value::Bool(s.project_defined_unit_cost_allowed),
    ));
    out.push((
        "projectDefinedLumpSumAllowed",
        Type::Bool,
        Value::Bool(s.project_defined_lump_sum_allowed),
    ));
    out
}

/// The name and type of every call parameter.
///
/// Built from the names alone, without a configuration: the widget checks
/// templates' expressions against these types without linking the call
/// settings' code (a test checks they are [`entries`]' types).
pub(crate) fn types() -> Vec<(&'static str, Type)> {
    let cost = Type::List(Box::new(shape(&[("id", Type::Text), ("cost", Type::Number)])));
    let fund = shape(&[
        ("id", Type::Text),
        ("type", Type::Text),
        ("rate", Type::Number),
        ("adjustable", Type::Bool),
    ]);
    NAMES
        .iter()
        .map(|&name| {
            let ty = match name {
                "callType" | "fallbackLanguage" => Type::Text,
                "inputLanguages" | "hiddenIds" => list_of(Type::Text),
                "periodLength" | "step" => Type::Number,
                "funds" => Type::List(Box::new(fund.clone())),
                "lumpSums" | "unitCosts" => cost.clone(),
                n if FLAT_RATES.contains(&n) => Type::Number,
                _ => Type::Bool,
            };
            (name, ty)
        })
        .collect()
}

/// Every call parameter's name, in [`types`] order (a test checks they
/// agree): a plain list, so that checking a template's parameter names does
/// not link the call settings' code into builds that never use them.
const NAMES: &[&str] = &[
    "callType",
    "twoStep",
    "inputLanguages",
    "fallbackLanguage",
    "periodLength",
    "additionalFundAllowed",
    "step",
    "hiddenIds",
    "funds",
    "flatRateStaff",
    "flatRateStaffAdjustable",
    "flatRateOfficeOnStaff",
    "flatRateOfficeOnStaffAdjustable",
    "flatRateOfficeOnDirect",
    "flatRateOfficeOnDirectAdjustable",
    "flatRateTravelOnStaff",
    "flatRateTravelOnStaffAdjustable",
    "flatRateOtherOnStaff",
    "flatRateOtherOnStaffAdjustable",
    "lumpSums",
    "unitCosts",
    "realCostStaffAllowed",
    "realCostTravelAllowed",
    "realCostExternalAllowed",
    "realCostEquipmentAllowed",
    "realCostInfrastructureAllowed",
    "projectDefinedUnitCostAllowed",
    "projectDefinedLumpSumAllowed",
];

/// Whether `name` is a call parameter (a template may not declare it).
pub(crate) fn is_reserved(name: &str) -> bool {
    NAMES.contains(&name)
}

fn list_of(t: Type) -> Type {
    Type::List(Box::new(t))
}

fn shape(fields: &[(&str, Type)]) -> Type {
    let fields = fields.iter().map(|(n, t)| ((*n).to_owned(), t.clone())).collect();
    Type::Record(Arc::new(RecordShape { fields }))
}

fn record(slots: Vec<Value>) -> Value {
    let mut r = Record::default();
    r.slots.extend(slots);
    Value::Record(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{ParamDecls, Step, VisibilityCatalog};

    #[test]
    fn names_are_unique_and_values_match_their_types() {
        let json = r#"{"template": "t", "inputLanguages": ["EN", "DE"], "periodLength": 6,
            "funds": [{"id": "F", "type": "ERDF", "rate": 80, "adjustable": true}],
            "flatRates": {"staff": {"rate": 20, "adjustable": true}},
            "unitCosts": [{"id": "U", "cost": 12.5}]}"#;
        let config =
            Config::load(json, &VisibilityCatalog::default(), &ParamDecls::default()).unwrap();
        let entries = entries(&config);
        let mut names: Vec<&str> = entries.iter().map(|(n, _, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), entries.len());
        for (name, ty, value) in &entries {
            assert!(fits(value, ty), "{name}: {value:?} is not {}", ty.describe());
            assert_eq!(config.parameter(name), Some(value));
        }
        assert_eq!(config.parameter("flatRateStaff"), Some(&Value::Number(Decimal::from(20))));
        assert_eq!(config.parameter("flatRateStaffAdjustable"), Some(&Value::Bool(true)));
        assert_eq!(config.parameter("flatRateOtherOnStaff"), Some(&Value::Null));
        assert!(is_reserved("funds") && !is_reserved("maxDuration"));
        let typed: Vec<&str> = types().into_iter().map(|(n, _)| n).collect();
        assert_eq!(typed, NAMES);
        let entry_types: Vec<(&str, Type)> = entries.into_iter().map(|(n, t, _)| (n, t)).collect();
        assert_eq!(types(), entry_types);
    }

    #[test]
    fn step_and_hidden_ids_follow_the_step() {
        let catalog = VisibilityCatalog::from_json(
            r#"{"a": {"allowed": ["STEP_ONE_AND_TWO", "STEP_TWO_ONLY"], "default": "STEP_TWO_ONLY"},
                "b": {"allowed": ["NONE", "STEP_ONE_AND_TWO"], "default": "NONE"},
                "c": {"allowed": ["STEP_ONE_AND_TWO"], "default": "STEP_ONE_AND_TWO"}}"#,
        )
        .unwrap();
        let load = |two_step: bool| {
            let json =
                format!(r#"{{"template": "t", "twoStep": {two_step}, "inputLanguages": ["EN"]}}"#);
            Config::load(&json, &catalog, &ParamDecls::default()).unwrap()
        };
        let texts = |l: &[&str]| Value::List(l.iter().map(|t| Value::Text((*t).into())).collect());
        let two = load(true);
        assert_eq!(two.parameter("step"), Some(&Value::Number(2.into())));
        assert_eq!(two.parameter("hiddenIds"), Some(&texts(&["b"])));
        let one = two.clone().at_step(Step::One);
        assert_eq!(one.parameter("step"), Some(&Value::Number(1.into())));
        assert_eq!(one.parameter("hiddenIds"), Some(&texts(&["a", "b"])));
        // A one-step call has no step 1: step 1 reads as step 2.
        let single = load(false).at_step(Step::One);
        assert_eq!(single.parameter("step"), Some(&Value::Number(2.into())));
        assert_eq!(single.parameter("hiddenIds"), Some(&texts(&["b"])));
    }

    fn fits(v: &Value, t: &Type) -> bool {
        match (v, t) {
            (Value::Null, _) => true,
            (Value::Number(_), Type::Number) | (Value::Text(_), Type::Text) => true,
            (Value::Bool(_), Type::Bool) => true,
            (Value::List(items), Type::List(item)) => items.iter().all(|i| fits(i, item)),
            (Value::Record(r), Type::Record(shape)) => {
                r.slots.len() == shape.fields.len()
                    && r.slots.iter().zip(&shape.fields).all(|(v, (_, t))| fits(v, t))
            }
            _ => false,
        }
    }
}

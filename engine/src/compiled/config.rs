//! The compiled format of a checked call configuration: every setting as
//! the loader left it (statuses after defaults and inheritance, parameters
//! with their defaults and the call parameters filled in).

use super::wire::{Reader, Wire, Writer, get_name, put_name, wire_struct, wire_unit_enum};
use crate::config::{
    AllowedRealCosts, CallSettings, CallType, Config, CostOption, FlatRate, FlatRates, Fund,
    LIMIT_NAMES, LimitOverride, Limits, Step,
};

wire_struct!(Config {
    template,
    name,
    call_type,
    two_step,
    input_languages,
    fallback_language,
    call,
    limits,
    visibility,
    parameters,
    step
});
wire_struct!(CallSettings {
    period_length,
    funds,
    additional_fund_allowed,
    flat_rates,
    lump_sums,
    unit_costs,
    allowed_real_costs,
    project_defined_unit_cost_allowed,
    project_defined_lump_sum_allowed
});
wire_struct!(Fund { id, fund_type, rate, adjustable });
wire_struct!(CostOption { id, cost });
wire_struct!(FlatRate { rate, adjustable });
wire_struct!(FlatRates {
    staff,
    office_on_staff,
    office_on_direct,
    travel_on_staff,
    other_on_staff
});
wire_struct!(AllowedRealCosts { staff, travel, external, equipment, infrastructure });
wire_struct!(LimitOverride { max_length, min, max, max_items });
wire_struct!(Limits { overrides });
wire_unit_enum!(CallType { Standard, Spf });
wire_unit_enum!(Step { One, Two });

/// A field's overridden limit names, as the loader's own `&'static str`s.
impl Wire for Vec<&'static str> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        self.iter().for_each(|n| put_name(w, n));
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let n = r.len()?;
        let mut names = Vec::with_capacity(n.min(super::wire::RESERVE));
        for _ in 0..n {
            names.push(get_name(r, &LIMIT_NAMES)?);
        }
        Some(names)
    }
}

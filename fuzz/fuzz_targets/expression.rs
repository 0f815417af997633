//! Expression text → compiled in a partner's scope of the all-kinds fixture,
//! then evaluated. Body: engine/tests/fuzz_support/targets.rs.
#![no_main]

#[path = "../../engine/tests/fuzz_support/targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::expression(data));

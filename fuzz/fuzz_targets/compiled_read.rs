//! A compiled template document, resealed so that changes reach the
//! reader, → `Template::from_compiled`. Body: engine/tests/fuzz_support/targets.rs.
#![no_main]

#[path = "../../engine/tests/fuzz_support/targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::compiled_read(data));

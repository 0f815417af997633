//! Deterministic mutations of seed inputs for the stable fuzz smoke run: a
//! xorshift generator and the usual byte-level mutations (flips, insertions,
//! deletions, truncations, duplications and splices with another seed),
//! plus tokens of JSON and of the template format, so mutants often stay
//! close to JSON and reach the engine rather than the parser's first error.

/// A xorshift64* generator: small, fast and the same on every machine.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced, xorshift needs a non-zero state).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Tokens worth inserting: JSON structure, extreme values, and the words of
/// the template format.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\u0000",
    "\\ud800",
    "null",
    "true",
    "-0",
    "1e400",
    "-1e-400",
    "99999999999999999999999999999999",
    "0.0000000000000000000000000001",
    "1.005",
    "\"kind\":",
    "\"id\":\"a\",",
    "\"fields\":[",
    "\"columns\":[",
    "\"label\":{\"en\":\"L\"},",
    "\"text\"",
    "\"multilingualText\"",
    "\"integer\"",
    "\"decimal\"",
    "\"money\"",
    "\"percentage\"",
    "\"date\"",
    "\"boolean\"",
    "\"select\"",
    "\"multiSelect\"",
    "\"group\"",
    "\"repeat\"",
    "\"table\"",
    "\"computed\"",
    "\"static\"",
    "\"maxLength\":",
    "\"min\":",
    "\"max\":",
    "\"scale\":",
    "\"maxItems\":",
    "\"codeList\":",
    "\"options\":[",
    "\"languages\":",
    "{\"language\":\"EN\",\"translation\":\"x\"}",
    "\"2024-02-29\"",
    "\"😀\"",
    "\u{feff}",
];

/// One to four mutations of `seed`; `other` is a second seed for splices.
pub fn mutate(rng: &mut Rng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = seed.to_vec();
    for _ in 0..=rng.below(4) {
        let len = out.len();
        let at = rng.below(len + 1);
        match rng.below(8) {
            0 if len > 0 => out[at.min(len - 1)] ^= 1 << rng.below(8),
            1 if len > 0 => out[at.min(len - 1)] = rng.next() as u8,
            2 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
            3 => {
                let end = at + rng.below(len - at + 1).min(64);
                out.drain(at..end);
            }
            4 => out.truncate(at),
            5 => {
                let end = at + rng.below(len - at + 1).min(256);
                let copy = out[at..end].to_vec();
                let to = rng.below(len + 1);
                out.splice(to..to, copy);
            }
            6 => {
                // Splice: this seed's head, the other seed's tail.
                let from = rng.below(other.len() + 1);
                out.truncate(at);
                out.extend_from_slice(&other[from..]);
            }
            _ => {
                let n = rng.below(8);
                out.splice(at..at, (0..n).map(|_| rng.next() as u8));
            }
        }
    }
    out
}

#[test]
fn mutations_are_deterministic() {
    let (mut a, mut b) = (Rng::new(7), Rng::new(7));
    let seed = br#"{"id": "t", "sections": []}"#;
    for _ in 0..100 {
        assert_eq!(mutate(&mut a, seed, b"[]"), mutate(&mut b, seed, b"[]"));
    }
}

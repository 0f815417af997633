//! CSV rows by column name, with malformed rows reported and skipped.

use super::Problem;
use csv::{ByteRecord, ReaderBuilder};
use std::collections::HashMap;

/// The header of a CSV input (its first record).
pub fn header(bytes: &[u8]) -> Result<Vec<String>, String> {
    let mut reader = ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = reader.byte_headers().map_err(|e| format!("cannot read the CSV header: {e}"))?;
    Ok(header.iter().map(|h| String::from_utf8_lossy(h).trim().to_owned()).collect())
}

/// One row, its fields addressed by column name.
pub struct Row<'a> {
    record: &'a ByteRecord,
    columns: &'a HashMap<String, usize>,
    file: &'a str,
    /// The row's 1-based line in the file.
    pub line: u64,
}

impl Row<'_> {
    /// The trimmed text in `column` (empty when the column is absent).
    /// Bytes that are not UTF-8 become U+FFFD: the rest of the text stays
    /// searchable.
    pub fn get(&self, column: &str) -> String {
        self.columns
            .get(column)
            .and_then(|&i| self.record.get(i))
            .map(|b| String::from_utf8_lossy(b).trim().to_owned())
            .unwrap_or_default()
    }

    /// The text in `column`, which the row cannot do without: `None`, with
    /// the row reported as skipped, when it is empty.
    pub fn required(&self, column: &str, problems: &mut Vec<Problem>) -> Option<String> {
        let text = self.get(column);
        if text.is_empty() {
            problems.push(self.problem(column, "empty", true));
            return None;
        }
        Some(text)
    }

    /// A problem with this row.
    pub fn problem(&self, column: &str, reason: &str, skipped: bool) -> Problem {
        Problem {
            file: self.file.to_owned(),
            line: self.line,
            column: column.to_owned(),
            reason: reason.to_owned(),
            skipped,
        }
    }
}

/// Calls `each` for every well-formed row of `bytes` that has the header's
/// number of fields. The header must name every `required` column. Rows
/// with the wrong number of fields or broken quoting are reported and
/// skipped; rows that are not valid UTF-8 are kept with U+FFFD and reported.
pub fn read(
    file: &str,
    bytes: &[u8],
    required: &[&str],
    problems: &mut Vec<Problem>,
    mut each: impl FnMut(&Row, &mut Vec<Problem>),
) -> Result<(), String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let names = header(bytes)?;
    let missing: Vec<&str> =
        required.iter().copied().filter(|r| !names.iter().any(|n| n == r)).collect();
    if !missing.is_empty() {
        return Err(format!("the CSV header lacks the column(s) {}", missing.join(", ")));
    }
    let columns: HashMap<String, usize> =
        names.iter().enumerate().map(|(i, n)| (n.clone(), i)).collect();
    let mut reader = ReaderBuilder::new().flexible(true).from_reader(bytes);
    let mut record = ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(Problem {
                    file: file.to_owned(),
                    line,
                    column: String::new(),
                    reason: format!("unreadable CSV: {e}"),
                    skipped: true,
                });
                continue;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        let row = Row { record: &record, columns: &columns, file, line };
        if record.len() != names.len() {
            let reason = format!("{} fields where the header has {}", record.len(), names.len());
            problems.push(row.problem("", &reason, true));
            continue;
        }
        if let Some(bad) =
            names.iter().zip(record.iter()).find(|(_, b)| std::str::from_utf8(b).is_err())
        {
            problems.push(row.problem(bad.0, "not valid UTF-8; kept with U+FFFD", false));
        }
        each(&row, problems);
    }
}

/// A two-letter country code from `text` (upper case), or a problem.
pub fn country(row: &Row, column: &str, problems: &mut Vec<Problem>) -> String {
    let code = row.get(column).to_ascii_uppercase();
    if code.is_empty() || (code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())) {
        return code;
    }
    let reason = format!("{code:?} is not a two-letter country code; kept without a country");
    problems.push(row.problem(column, &reason, false));
    String::new()
}

/// The region names of a row, joined without repeats ("Thüringen, Erfurt").
pub fn region(names: &[String]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for n in names {
        if !n.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(n)) {
            out.push(n);
        }
    }
    out.join(", ")
}

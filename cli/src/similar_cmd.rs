//! `hitforms similar`: the projects most like a project idea, with the
//! shared terms that explain the match and the projects' partners.

use crate::out;
use hitforms_search::Index;
use serde_json::json;
use std::process::ExitCode;

/// Prints the `limit` projects most similar to `text`, as text or JSON.
pub fn print(index: &Index, text: &str, limit: usize, as_json: bool) -> Result<ExitCode, String> {
    let similar = index.similar(text, limit);
    let partners = |ids: &[u32]| -> Vec<String> {
        ids.iter().map(|&d| index.data.partners[d as usize].organisation.clone()).collect()
    };
    if as_json {
        let items: Vec<serde_json::Value> = similar
            .iter()
            .map(|s| {
                let p = &index.data.projects[s.project as usize];
                json!({"programme": p.programme, "acronym": p.acronym, "title": p.title,
                       "period": p.period, "score": (f64::from(s.score) * 1000.0).round() / 1000.0,
                       "shared_terms": s.shared, "partners": partners(&s.partners)})
            })
            .collect();
        out::line(
            &serde_json::to_string_pretty(&json!({"similar": items})).map_err(|e| e.to_string())?,
        );
    } else {
        for s in &similar {
            let p = &index.data.projects[s.project as usize];
            out::line(&format!("{:8.3}  {} — {} ({})", s.score, p.acronym, p.title, p.programme));
            out::line(&format!("          shared: {}", s.shared.join(", ")));
            out::line(&format!("          partners: {}", partners(&s.partners).join("; ")));
        }
        if similar.is_empty() {
            out::line("no similar project");
        }
    }
    Ok(ExitCode::SUCCESS)
}

//! The organisation view of search hits: each organisation once, with its
//! participations among the hits (`Index::group`).

use crate::out;
use hitforms_search::{Index, Results};
use serde_json::{Value, json};

/// The hits grouped by organisation, as JSON.
pub fn json(index: &Index, results: &Results) -> Value {
    let orgs: Vec<Value> = index
        .group(&results.hits)
        .iter()
        .map(|o| {
            let participations: Vec<Value> = o
                .participations
                .iter()
                .map(|&d| {
                    let p = &index.data.partners[d as usize];
                    let project = index.data.project_of(p);
                    json!({"acronym": project.acronym, "title": project.title,
                           "programme": project.programme, "period": project.period, "role": p.role})
                })
                .collect();
            json!({"organisation_name": o.name, "country": o.country,
                   "score": (f64::from(o.score) * 1000.0).round() / 1000.0,
                   "participations": participations})
        })
        .collect();
    Value::Array(orgs)
}

/// The hits grouped by organisation, as text.
pub fn print(index: &Index, results: &Results) {
    let orgs = index.group(&results.hits);
    for o in &orgs {
        out::line(&format!("{:8.3}  {} ({})", o.score, o.name, o.country));
        for &d in &o.participations {
            let p = &index.data.partners[d as usize];
            let project = index.data.project_of(p);
            let what = if project.acronym.is_empty() { &project.title } else { &project.acronym };
            out::line(&format!(
                "          {what} [{}] · {} {}",
                p.role, project.programme, project.period
            ));
        }
    }
    out::line(&format!(
        "{} organisations in {} of {} participations",
        orgs.len(),
        results.hits.len(),
        results.total
    ));
}

//! Browser tests of the renderers for every kind and of navigation: lists
//! (add, move, remove with numbering and focus), table totals, the
//! combobox, computed values, the section list, the error summary.

use super::{find, mount_template, text, tick, type_into};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, ShadowRoot};

/// A form with every kind the tests need; `regions` has 1,500 options.
fn template() -> String {
    let regions: Vec<String> = (0..1500)
        .map(|i| {
            let label = if i == 777 { "Wien".to_owned() } else { format!("Region {i}") };
            format!(r#"{{"value": "R{i:04}", "label": {{"en": "{label}"}}}}"#)
        })
        .collect();
    format!(
        r#"{{"id": "t", "version": "1", "title": {{"en": "Test form"}}, "codeLists": {{"regions": [{}]}},
        "sections": [
          {{"id": "a", "title": {{"en": "General"}}, "fields": [
            {{"id": "name", "kind": "text", "label": {{"en": "Name"}}, "required": true}},
            {{"id": "abroad", "kind": "boolean", "label": {{"en": "Abroad"}}}},
            {{"id": "reason", "kind": "text", "label": {{"en": "Why abroad"}}, "visible": "abroad == true"}},
            {{"id": "hours", "kind": "integer", "label": {{"en": "Hours"}}}},
            {{"id": "days", "kind": "computed", "label": {{"en": "Days"}}, "type": "number",
              "scale": 2, "expression": "if(filled(hours), hours / 8, 0)"}},
            {{"id": "region", "kind": "select", "label": {{"en": "Region"}}, "codeList": "regions"}},
            {{"id": "start", "kind": "date", "label": {{"en": "Start"}}}}
          ]}},
          {{"id": "b", "title": {{"en": "Abroad"}}, "visible": "abroad == true", "fields": [
            {{"id": "country", "kind": "text", "label": {{"en": "Country"}}, "required": true}}
          ]}},
          {{"id": "c", "title": {{"en": "Partners"}}, "fields": [
            {{"id": "partners", "kind": "repeat", "label": {{"en": "Partners"}}, "numbering": "P{{n}}",
              "maxItems": 5, "fields": [
              {{"id": "pname", "kind": "text", "label": {{"en": "Partner name"}}, "required": true}}
            ]}},
            {{"id": "costs", "kind": "table", "label": {{"en": "Costs"}}, "rowTotals": true,
              "totals": ["staff", "travel"], "columns": [
              {{"id": "staff", "kind": "money", "label": {{"en": "Staff"}}}},
              {{"id": "travel", "kind": "money", "label": {{"en": "Travel"}}}}
            ]}}
          ]}}
        ]}}"#,
        regions.join(",")
    )
}

async fn mount() -> (HtmlElement, ShadowRoot) {
    mount_template(&template(), &[], "#hf-name").await
}

async fn click(root: &ShadowRoot, selector: &str) {
    let el = find(root, selector).unwrap_or_else(|| panic!("no {selector}"));
    el.unchecked_into::<HtmlElement>().click();
    settle().await;
}

/// Lets Leptos render and a frame pass (focus moves on the next frame).
async fn settle() {
    for _ in 0..4 {
        tick().await;
    }
}

/// What the form's polite live region says. The form has its own region
/// (the draft bar above it has another, its notice), so it is found inside
/// the form: a missing region fails the test.
fn announced(root: &ShadowRoot) -> String {
    let region = find(root, ".hf-form > [role=status][aria-live=polite]");
    region.expect("the form's live region").text_content().unwrap_or_default()
}

fn focused(root: &ShadowRoot) -> String {
    root.active_element().map(|e| e.id()).unwrap_or_default()
}

fn nav_titles(root: &ShadowRoot) -> Vec<String> {
    let items = root.query_selector_all(".hf-nav-title").unwrap();
    (0..items.length()).filter_map(|i| items.item(i)?.text_content()).collect()
}

fn data(el: &HtmlElement) -> serde_json::Value {
    crate::bridge::js_to_json(&js_sys::Reflect::get(el, &"data".into()).unwrap())
}

async fn key(root: &ShadowRoot, selector: &str, name: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(name);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    find(root, selector).unwrap().dispatch_event(&event).unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn the_section_list_shows_state_counts_and_only_shown_sections() {
    let (el, root) = mount().await;
    assert_eq!(nav_titles(&root), ["General", "Partners", "Review and submit"], "hidden section b");
    let general = text(&root, ".hf-nav-item[aria-current]");
    assert!(general.contains("Not started") && general.contains("1 error"), "{general}");
    // Only the current section is rendered.
    assert!(find(&root, "#hf-partners").is_none());

    assert!(find(&root, "#hf-reason").is_none(), "a hidden field is not rendered");
    click(&root, "#hf-abroad").await; // "Yes"
    assert_eq!(nav_titles(&root), ["General", "Abroad", "Partners", "Review and submit"]);
    assert!(find(&root, "#hf-reason").is_some(), "shown once its condition holds");
    type_into(&root, "#hf-name", "Ada").await;
    let general = text(&root, ".hf-nav-item[aria-current]");
    assert!(general.contains("Complete") && !general.contains("errors"), "{general}");
    assert_eq!(data(&el)["abroad"], true);
    el.remove();
}

#[wasm_bindgen_test]
async fn computed_values_follow_input_and_are_announced_after_a_pause() {
    let (el, root) = mount().await;
    assert_eq!(text(&root, "output#hf-days"), "0.00");
    type_into(&root, "#hf-hours", "12").await;
    assert_eq!(text(&root, "output#hf-days"), "1.50");
    assert_eq!(
        find(&root, "#hf-hours").unwrap().get_attribute("inputmode").as_deref(),
        Some("numeric")
    );
    let status = || announced(&root);
    assert_eq!(status(), "", "not announced while typing");
    for _ in 0..120 {
        tick().await;
        if !status().is_empty() {
            break;
        }
    }
    assert_eq!(status(), "Days: 1.50");
    el.remove();
}

#[wasm_bindgen_test]
async fn the_combobox_filters_and_chooses_by_keyboard() {
    let (el, root) = mount().await;
    let combo = "#hf-region";
    assert_eq!(find(&root, combo).unwrap().get_attribute("role").as_deref(), Some("combobox"));
    type_into(&root, combo, "wien").await;
    settle().await;
    let options = root.query_selector_all("#hf-region-list [role=option]").unwrap();
    assert_eq!(options.length(), 1);
    assert_eq!(find(&root, combo).unwrap().get_attribute("aria-expanded").as_deref(), Some("true"));
    key(&root, combo, "ArrowDown").await;
    assert_eq!(
        find(&root, combo).unwrap().get_attribute("aria-activedescendant").as_deref(),
        Some("hf-region-opt-0")
    );
    key(&root, combo, "Enter").await;
    assert_eq!(data(&el)["region"], "R0777");
    assert_eq!(
        find(&root, combo).unwrap().get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    // Typing a code prefix finds by code too; at most 50 are listed.
    type_into(&root, combo, "r0").await;
    settle().await;
    assert_eq!(root.query_selector_all("#hf-region-list [role=option]").unwrap().length(), 50);
    el.remove();
}

#[wasm_bindgen_test]
async fn items_are_added_moved_and_removed_with_numbering_and_focus() {
    let (el, root) = mount().await;
    click(&root, ".hf-nav-item:nth-of-type(1)").await;
    let partners_nav = root.query_selector_all(".hf-nav-item").unwrap().item(1).unwrap();
    partners_nav.unchecked_into::<HtmlElement>().click();
    settle().await;
    assert_eq!(focused(&root), "hf-section-heading");

    click(&root, "#hf-partners-add").await;
    assert_eq!(text(&root, "#hf-partners-0-title"), "P1");
    assert_eq!(focused(&root), "hf-partners-0-pname", "focus moves into the new item");
    type_into(&root, "#hf-partners-0-pname", "Alpha").await;
    let down = |root: &ShadowRoot| {
        let button = find(root, "#hf-partners-0 .hf-actions button:nth-child(2)").unwrap();
        js_sys::Reflect::get(&button, &"disabled".into()).unwrap().as_bool().unwrap()
    };
    assert!(down(&root), "the last item cannot move down");
    let first = find(&root, "#hf-partners-0").unwrap();
    click(&root, "#hf-partners-add").await;
    assert_eq!(focused(&root), "hf-partners-1-pname");
    let kept = find(&root, "#hf-partners-0").unwrap();
    assert!(kept.is_same_node(Some(&first)), "an add builds the new item only");
    assert!(!down(&root), "the first item can now move down");
    assert_eq!(announced(&root), "P2 added.");
    assert_eq!(text(&root, "#hf-partners-1-title"), "P2");
    assert_eq!(text(&root, "#hf-partners-0-title"), "P1", "the first item keeps its number");
    type_into(&root, "#hf-partners-1-pname", "Beta").await;

    click(&root, "#hf-partners-1 .hf-actions button:first-child").await; // move P2 up
    assert_eq!(data(&el)["partners"], serde_json::json!([{"pname": "Beta"}, {"pname": "Alpha"}]));
    assert_eq!(text(&root, "#hf-partners-0-title"), "P1");
    assert_eq!(focused(&root), "hf-partners-0", "focus follows the moved item");
    let said = announced(&root);
    assert!(said.contains("moved to position 1"), "{said}");

    click(&root, "#hf-partners-0-remove").await;
    assert_eq!(focused(&root), "hf-partners-0-confirm", "removal asks first");
    assert_eq!(data(&el)["partners"].as_array().unwrap().len(), 2);
    click(&root, "#hf-partners-0-confirm").await;
    assert_eq!(announced(&root), "P1 removed.");
    assert_eq!(data(&el)["partners"], serde_json::json!([{"pname": "Alpha"}]));
    assert_eq!(focused(&root), "hf-partners-0", "focus on the item that took its place");
    let value = find(&root, "#hf-partners-0-pname")
        .unwrap()
        .unchecked_into::<web_sys::HtmlInputElement>()
        .value();
    assert_eq!(value, "Alpha");
    click(&root, "#hf-partners-0-remove").await;
    click(&root, "#hf-partners-0-confirm").await;
    assert_eq!(focused(&root), "hf-partners-add", "no item left: the add button");
    el.remove();
}

#[wasm_bindgen_test]
async fn table_totals_update_as_cells_are_typed() {
    let (el, root) = mount().await;
    let partners_nav = root.query_selector_all(".hf-nav-item").unwrap().item(1).unwrap();
    partners_nav.unchecked_into::<HtmlElement>().click();
    settle().await;
    click(&root, "#hf-costs-add").await;
    click(&root, "#hf-costs-add").await;
    assert_eq!(focused(&root), "hf-costs-1-staff");
    type_into(&root, "#hf-costs-0-staff", "100.10").await;
    type_into(&root, "#hf-costs-1-staff", "0.20").await;
    type_into(&root, "#hf-costs-1-travel", "5").await;
    let foot: Vec<String> = {
        let cells = root.query_selector_all("#hf-costs tfoot td").unwrap();
        (0..cells.length()).filter_map(|i| cells.item(i)?.text_content()).collect()
    };
    assert_eq!(foot, ["100.30", "5.00", "105.30", ""]);
    let row = text(&root, "#hf-costs-1 .hf-total");
    assert_eq!(row, "5.20");
    // Each cell's input is labelled with its column and row.
    assert_eq!(text(&root, "label[for=hf-costs-1-travel]"), "Travel (EUR), Item 2");
    el.remove();
}

#[wasm_bindgen_test]
async fn the_error_summary_links_move_focus_to_the_field() {
    let (el, root) = mount().await;
    assert!(find(&root, "#hf-summary").is_none());
    let review = root.query_selector_all(".hf-nav-item").unwrap();
    review.item(review.length() - 1).unwrap().unchecked_into::<HtmlElement>().click();
    settle().await;
    assert_eq!(text(&root, "#hf-summary-title"), "There is 1 error to correct");
    click(&root, ".hf-review .hf-primary").await; // submit refused
    assert_eq!(focused(&root), "hf-summary");
    click(&root, "#hf-summary a").await;
    assert_eq!(focused(&root), "hf-name", "the link opens the section and focuses the field");
    let input = find(&root, "#hf-name").unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(input.get_attribute("aria-describedby").as_deref(), Some("hf-name-error"));
    el.remove();
}

#[wasm_bindgen_test]
async fn the_hit_application_opens_on_its_first_section() {
    let template = hitforms_engine::builtin_template("hit-application").unwrap();
    let (el, root) = mount_template(template, &[], ".hf-nav-item").await;
    assert_eq!(nav_titles(&root).len(), 6, "five sections and the review");
    assert!(find(&root, "#hf-acronym").is_some());
    assert!(find(&root, ".hf-unknown").is_none(), "every kind has a renderer");
    el.remove();
}

#[wasm_bindgen_test]
async fn an_added_renderer_outranks_the_built_in_one() {
    crate::fields::register(crate::fields::Renderer {
        name: "custom",
        rank: |v| if v.id == "special" { 5 } else { -1 },
        render: |ctx| {
            let label = ctx.view.with_untracked(|v| v.label.clone());
            crate::dom::el("p").class("hf-custom").t(&label)
        },
    });
    let template = r#"{"id": "t", "version": "1", "title": {"en": "T"}, "sections": [{"id": "s",
        "title": {"en": "S"}, "fields": [{"id": "special", "kind": "date", "label": {"en": "Own"}},
        {"id": "plain", "kind": "date", "label": {"en": "Plain"}}]}]}"#;
    let (el, root) = mount_template(template, &[], "#hf-plain").await;
    assert_eq!(text(&root, ".hf-custom"), "Own");
    assert_eq!(find(&root, "#hf-plain").unwrap().get_attribute("type").as_deref(), Some("date"));
    el.remove();
}

#[wasm_bindgen_test]
async fn the_form_opens_on_the_first_section_shown_and_next_skips_hidden_ones() {
    let template = r#"{"id": "t", "version": "1", "title": {"en": "T"}, "sections": [
        {"id": "a", "title": {"en": "Never"}, "visible": false, "fields": [
          {"id": "x", "kind": "text", "label": {"en": "X"}}]},
        {"id": "b", "title": {"en": "First"}, "fields": [
          {"id": "y", "kind": "boolean", "label": {"en": "Y"}}]},
        {"id": "c", "title": {"en": "Only with Y"}, "visible": "y == true", "fields": [
          {"id": "z", "kind": "text", "label": {"en": "Z"}}]},
        {"id": "d", "title": {"en": "Last"}, "fields": [
          {"id": "w", "kind": "text", "label": {"en": "W"}}]}]}"#;
    let (el, root) = mount_template(template, &[], "#hf-y").await;
    assert!(find(&root, "#hf-x").is_none());
    assert_eq!(text(&root, "#hf-section-heading"), "First");
    click(&root, ".hf-pager .hf-primary").await;
    assert_eq!(text(&root, "#hf-section-heading"), "Last", "the hidden section is skipped");
    click(&root, ".hf-pager .hf-button:not(.hf-primary)").await;
    click(&root, "#hf-y").await; // Yes: section c now applies
    click(&root, ".hf-pager .hf-primary").await;
    assert_eq!(text(&root, "#hf-section-heading"), "Only with Y");
    el.remove();
}

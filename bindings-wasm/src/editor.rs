//! Completion and hover for editors, over the core's: offsets in and out are JS string indexes
//! (UTF-16 code units), converted here because the core counts bytes.

use gitlab_runner_config::lines::{byte_offset, utf16_offsets};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// Keys here are fixed names, never `__proto__`, so a plain set is enough.
fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(object, &JsValue::from_str(key), &value.into());
}

/// A JS string index as a byte offset into `text`; anything that is not a number is 0.
fn byte_offset_of(text: &str, index: f64) -> usize {
    let index = if index.is_finite() && index > 0.0 { index as usize } else { 0 };
    byte_offset(text, index)
}

/// `{ from, to, items }`: what can be written at `offset` and the span it replaces; each item
/// has `label`, `kind` (`key`, `value` or `table`), `detail`, `documentation`, `deprecated`,
/// `since` (a gitlab-runner release, or null) and `apply` (the text that replaces `from..to`).
#[wasm_bindgen]
pub fn complete(toml: JsValue, offset: f64) -> Result<JsValue, JsValue> {
    let text = crate::text(&toml)?;
    let completions = gitlab_runner_config::complete(&text, byte_offset_of(&text, offset));
    let span = utf16_offsets(&text, &[completions.from, completions.to]);
    let result = Object::new();
    set(&result, "from", span[0] as f64);
    set(&result, "to", span[1] as f64);
    let items: Array = completions
        .items
        .iter()
        .map(|item| {
            let object = Object::new();
            set(&object, "label", item.label.as_str());
            set(&object, "kind", item.kind.as_str());
            set(&object, "detail", item.detail.as_str());
            set(&object, "documentation", item.documentation.as_str());
            set(&object, "deprecated", item.deprecated);
            set(&object, "since", item.since.map_or(JsValue::NULL, |v| JsValue::from_str(&v.to_string())));
            set(&object, "apply", item.apply.as_str());
            JsValue::from(object)
        })
        .collect();
    set(&result, "items", items);
    Ok(result.into())
}

/// `{ from, to, title, markdown }` for the key or header segment at `offset`, or `null`.
#[wasm_bindgen]
pub fn hover(toml: JsValue, offset: f64) -> Result<JsValue, JsValue> {
    let text = crate::text(&toml)?;
    let Some(hover) = gitlab_runner_config::hover(&text, byte_offset_of(&text, offset)) else {
        return Ok(JsValue::NULL);
    };
    let span = utf16_offsets(&text, &[hover.from, hover.to]);
    let result = Object::new();
    set(&result, "from", span[0] as f64);
    set(&result, "to", span[1] as f64);
    set(&result, "title", hover.title.as_str());
    set(&result, "markdown", hover.markdown.as_str());
    Ok(result.into())
}

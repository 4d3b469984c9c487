//! JavaScript values as decoder input: plain objects keyed as in TOML, arrays, strings,
//! numbers, bigints, booleans and Dates. `undefined`, `null`, functions and class instances
//! are type errors with their path; cycles stop at the core's depth limit.

use std::borrow::Cow;

use gitlab_runner_config::document::{parse_datetime, Datetime};
use gitlab_runner_config::input::{Duration, Entry, Input, Integer, NotATable};
use gitlab_runner_config::schema::Struct;
use js_sys::{Array, BigInt, Date, Object};
use wasm_bindgen::{JsCast, JsValue};

pub struct JsInput {
    value: JsValue,
}

impl JsInput {
    pub fn new(value: JsValue) -> JsInput {
        JsInput { value }
    }

    fn child(&self, value: JsValue) -> JsInput {
        JsInput::new(value)
    }

    /// A plain object (`{...}`), not an array, a Date, a Map or another class's instance.
    fn plain_object(&self) -> Option<&Object> {
        if !self.value.is_object() || Array::is_array(&self.value) {
            return None;
        }
        let object: &Object = self.value.unchecked_ref();
        let prototype = Object::get_prototype_of(&self.value);
        let plain = prototype.is_null() || OBJECT_PROTOTYPE.with(|plain| prototype == *plain);
        plain.then_some(object)
    }

    fn entries(&self) -> Option<Vec<(String, JsInput)>> {
        let object = self.plain_object()?;
        // One call for all [key, value] pairs rather than a lookup per key.
        let pairs = Object::entries(object);
        let mut entries = Vec::with_capacity(pairs.length() as usize);
        for pair in pairs.iter() {
            let pair: Array = pair.unchecked_into();
            entries.push((pair.get(0).as_string().unwrap_or_default(), self.child(pair.get(1))));
        }
        Some(entries)
    }

    fn number(&self) -> Option<f64> {
        self.value.as_f64()
    }
}

thread_local! {
    /// `Object.prototype`, looked up once: what a plain object's prototype is.
    static OBJECT_PROTOTYPE: Object = Object::get_prototype_of(&Object::new());
}

const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

impl Input for JsInput {
    fn type_name(&self) -> Cow<'static, str> {
        let v = &self.value;
        Cow::Borrowed(if v.is_undefined() {
            "undefined"
        } else if v.is_null() {
            "null"
        } else if v.is_string() {
            "string"
        } else if v.as_bool().is_some() {
            "boolean"
        } else if v.is_bigint() {
            "bigint"
        } else if v.as_f64().is_some() {
            "number"
        } else if v.is_function() {
            "function"
        } else if v.is_symbol() {
            "symbol"
        } else if Array::is_array(v) {
            "array"
        } else if v.is_instance_of::<Date>() {
            "Date"
        } else if self.plain_object().is_some() {
            "object"
        } else {
            "class instance"
        })
    }

    fn as_str(&self) -> Option<Cow<'_, str>> {
        self.value.as_string().map(Cow::Owned)
    }

    fn as_bool(&self) -> Option<bool> {
        self.value.as_bool()
    }

    fn as_integer(&self) -> Option<Integer> {
        if self.value.is_bigint() {
            let big: &BigInt = self.value.unchecked_ref();
            return Some(i64::try_from(big.clone()).map_or(Integer::TooLarge, Integer::Fits));
        }
        let x = self.number()?;
        if !x.is_finite() || x.fract() != 0.0 {
            return None;
        }
        Some(if x.abs() <= MAX_SAFE_INTEGER { Integer::Fits(x as i64) } else { Integer::Imprecise })
    }

    fn as_float(&self) -> Option<f64> {
        self.number()
    }

    fn as_datetime(&self) -> Option<Result<Datetime, String>> {
        let text = if let Some(text) = self.value.as_string() {
            text
        } else if let Some(date) = self.value.dyn_ref::<Date>() {
            if date.get_time().is_nan() {
                return Some(Err("invalid Date".into()));
            }
            // toISOString always writes milliseconds; drop them when zero, as TOML users would.
            String::from(date.to_iso_string()).replace(".000Z", "Z")
        } else {
            return None;
        };
        Some(parse_datetime(&text))
    }

    fn as_duration(&self) -> Option<Duration> {
        if let Some(text) = self.value.as_string() {
            return Some(Duration::Text(text));
        }
        match self.as_integer()? {
            Integer::Fits(nanos) => Some(Duration::Nanos(nanos)),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<Vec<JsInput>> {
        let array: &Array = self.value.dyn_ref()?;
        Some(array.iter().map(|v| self.child(v)).collect())
    }

    fn as_map(&self) -> Option<Vec<(String, JsInput)>> {
        self.entries()
    }

    fn as_table(&self, schema: &'static Struct) -> Result<Vec<Entry<JsInput>>, NotATable> {
        let entries = self.entries().ok_or(NotATable::WrongType)?;
        Ok(entries
            .into_iter()
            .map(|(key, value)| {
                let member = schema.member(&key);
                Entry { key, member, value, position: None }
            })
            .collect())
    }
}

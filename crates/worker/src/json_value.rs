//! The worker's JS values as the core's hand readers see them ([`wayfinder_core::json_read`]): the
//! ARM answers arrive as `response.json()` objects and are read in place, member by member.

use crate::from_js::Js;
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wayfinder_core::json_read::JsonValue;
use wayfinder_core::tree_decoder::Source;

impl JsonValue for Js {
    fn member(&self, name: &str) -> Option<Self> {
        if !self.plain_object() {
            return None;
        }
        let member = Reflect::get(&self.0, &JsValue::from_str(name)).ok()?;
        (!member.is_undefined()).then_some(Js(member))
    }

    fn is_null(&self) -> bool {
        self.missing()
    }

    fn is_object(&self) -> bool {
        self.plain_object()
    }

    fn string(&self) -> Option<String> {
        self.0.as_string()
    }

    fn boolean(&self) -> Option<bool> {
        self.0.as_bool()
    }

    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }

    fn elements(&self) -> Option<Vec<Self>> {
        Array::is_array(&self.0).then(|| self.0.unchecked_ref::<Array>().iter().map(Js).collect())
    }
}

//! Typed values read out of the plain JS objects the shells hand over (messages, settings,
//! stored plans, ARM answers), with the core's decoder ([`wayfinder_core::tree_decoder`]).
//!
//! Why the decoder is in the core: there it is generic over the values it reads, so the fuzz
//! targets run the same code on serde_json's tree that the worker runs here on JS values. This
//! file only says how a `JsValue` answers the decoder's questions.

use js_sys::{Array, JsString, Object, Reflect};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wayfinder_core::tree_decoder::{self, Source};

/// Reads a `T` from `value`; `undefined` and `null` are "missing".
pub fn decode<T: DeserializeOwned>(value: &JsValue) -> Result<T, String> {
    tree_decoder::decode(Js(value.clone()))
}

/// A JS value as the decoder and the core's hand readers see it.
#[derive(Clone)]
pub struct Js(pub JsValue);

impl Source for Js {
    fn missing(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    fn boolean(&self) -> Option<bool> {
        self.0.as_bool()
    }

    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }

    fn text_units(&self) -> Option<u32> {
        self.0.dyn_ref::<JsString>().map(JsString::length)
    }

    fn text(&self) -> Option<String> {
        self.0.as_string()
    }

    fn array_len(&self) -> Option<u32> {
        Array::is_array(&self.0).then(|| self.0.unchecked_ref::<Array>().length())
    }

    fn element(&self, at: u32) -> Self {
        Js(self.0.unchecked_ref::<Array>().get(at))
    }

    fn plain_object(&self) -> bool {
        self.0.is_object() && !self.0.is_function() && !Array::is_array(&self.0)
    }

    fn keys(&self) -> Self {
        Js(Object::keys(self.0.unchecked_ref::<Object>()).into())
    }

    fn member(&self, key: &Self) -> Self {
        Js(Reflect::get(&self.0, &key.0).unwrap_or(JsValue::UNDEFINED))
    }

    fn nothing() -> Self {
        Js(JsValue::UNDEFINED)
    }
}

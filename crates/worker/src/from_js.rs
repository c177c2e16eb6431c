//! Typed values read out of the plain JS objects the shells hand over (messages, settings,
//! stored plans): a small serde deserializer over `JsValue`.
//!
//! Why not serde-wasm-bindgen: in the extension's one wasm module its decoders for each type,
//! and the float formatting its error messages pull in through serde's `Unexpected`, were the
//! largest avoidable part (issue 7, the size budget). This one walks objects the way serde_json
//! walks JSON text, so the core's `deny_unknown_fields` means the same here as in its native
//! tests: every own key of an object is read, and one the type does not know is refused.
//! Values are JSON-shaped (what `chrome.runtime` messages and `chrome.storage` carry): `null`,
//! booleans, numbers, strings, arrays and plain objects; `undefined` counts as `null`.

use js_sys::{Array, Object, Reflect};
use serde::de::{self, DeserializeOwned, Expected, IntoDeserializer, Unexpected, Visitor};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// Reads a `T` from `value`; `undefined` and `null` are "missing".
pub fn decode<T: DeserializeOwned>(value: &JsValue) -> Result<T, String> {
    if value.is_undefined() || value.is_null() {
        return Err("missing".to_string());
    }
    T::deserialize(Value(value.clone())).map_err(|e| e.0)
}

/// Why a value did not decode.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// What a JS value was, in words: serde's own wording prints the value, and printing a float
/// costs the module a float formatter.
fn kind(unexpected: &Unexpected<'_>) -> &'static str {
    match unexpected {
        Unexpected::Bool(_) => "a boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) | Unexpected::Float(_) => "a number",
        Unexpected::Str(_) | Unexpected::Char(_) => "a string",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq => "an array",
        Unexpected::Map => "an object",
        _ => "another kind of value",
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error(format!(
            "invalid type: {}, expected {expected}",
            kind(&unexpected)
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error(format!(
            "invalid value: {}, expected {expected}",
            kind(&unexpected)
        ))
    }
}

/// Largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// A JS value sorted by kind, once, outside the generic code: each type's decoder then only
/// holds the branch it can use, and everything else is one shared error.
enum Js {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Array),
    Object(JsValue, Array),
    Other,
}

#[inline(never)]
fn classify(value: JsValue) -> Js {
    if value.is_null() || value.is_undefined() {
        Js::Null
    } else if let Some(b) = value.as_bool() {
        Js::Bool(b)
    } else if let Some(n) = value.as_f64() {
        Js::Number(n)
    } else if let Some(s) = value.as_string() {
        Js::String(s)
    } else if Array::is_array(&value) {
        Js::Array(value.unchecked_into())
    } else if value.is_object() && !value.is_function() {
        let keys = Object::keys(value.unchecked_ref::<Object>());
        Js::Object(value, keys)
    } else {
        Js::Other
    }
}

/// "invalid type" for a value that is not what the type reads.
#[inline(never)]
fn wrong(found: &Js, expected: &str) -> Error {
    let found = match found {
        Js::Null => "null",
        Js::Bool(_) => "a boolean",
        Js::Number(_) => "a number",
        Js::String(_) => "a string",
        Js::Array(_) => "an array",
        Js::Object(..) => "an object",
        Js::Other => "a value that is not JSON",
    };
    Error(format!("invalid type: {found}, expected {expected}"))
}

/// A whole JS number as an integer (serde_json reads integers the same way).
enum Whole {
    Negative(i64),
    Positive(u64),
}

fn whole(n: f64) -> Option<Whole> {
    if n.fract() != 0.0 || n.abs() > MAX_SAFE {
        None
    } else if n < 0.0 {
        Some(Whole::Negative(n as i64))
    } else {
        Some(Whole::Positive(n as u64))
    }
}

/// One JS value being decoded.
struct Value(JsValue);

impl Value {
    fn integer<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match classify(self.0) {
            Js::Number(n) => match whole(n) {
                Some(Whole::Negative(i)) => visitor.visit_i64(i),
                Some(Whole::Positive(u)) => visitor.visit_u64(u),
                None => Err(Error(
                    "invalid type: a fraction, expected an integer".to_string(),
                )),
            },
            other => Err(wrong(&other, "an integer")),
        }
    }

    fn string<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match classify(self.0) {
            Js::String(s) => visitor.visit_string(s),
            other => Err(wrong(&other, "a string")),
        }
    }

    fn array<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match classify(self.0) {
            Js::Array(items) => visitor.visit_seq(Items { items, next: 0 }),
            other => Err(wrong(&other, "an array")),
        }
    }

    fn object<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match classify(self.0) {
            Js::Object(object, keys) => visitor.visit_map(Entries {
                object,
                keys,
                next: 0,
                value: JsValue::UNDEFINED,
            }),
            other => Err(wrong(&other, "an object")),
        }
    }

    fn null<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match classify(self.0) {
            Js::Null => visitor.visit_unit(),
            other => Err(wrong(&other, "null")),
        }
    }
}

/// Each `deserialize_*` reads only the kind of value its name asks for (the core's types say
/// what they expect; nothing here guesses).
impl<'de> de::Deserializer<'de> for Value {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match classify(self.0) {
            Js::Null => visitor.visit_unit(),
            Js::Bool(b) => visitor.visit_bool(b),
            Js::Number(n) => match whole(n) {
                Some(Whole::Negative(i)) => visitor.visit_i64(i),
                Some(Whole::Positive(u)) => visitor.visit_u64(u),
                None => visitor.visit_f64(n),
            },
            Js::String(s) => visitor.visit_string(s),
            Js::Array(items) => visitor.visit_seq(Items { items, next: 0 }),
            Js::Object(object, keys) => visitor.visit_map(Entries {
                object,
                keys,
                next: 0,
                value: JsValue::UNDEFINED,
            }),
            Js::Other => Err(wrong(&Js::Other, "a JSON value")),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match classify(self.0) {
            Js::Bool(b) => visitor.visit_bool(b),
            other => Err(wrong(&other, "a boolean")),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.integer(visitor)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match classify(self.0) {
            Js::Number(n) => visitor.visit_f64(n),
            other => Err(wrong(&other, "a number")),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.string(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.string(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.array(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.array(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.null(visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.null(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.array(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.array(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.array(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.object(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.object(visitor)
    }

    /// Only unit variants, written as their name (the core's enums on the wire).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match classify(self.0) {
            Js::String(name) => visitor.visit_enum(name.into_deserializer()),
            other => Err(wrong(&other, "a variant name")),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.string(visitor)
    }

    /// A value the type skips (an unknown field of a lenient struct) is not read at all.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

/// The elements of a JS array.
struct Items {
    items: Array,
    next: u32,
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.next >= self.items.length() {
            return Ok(None);
        }
        let item = self.items.get(self.next);
        self.next += 1;
        seed.deserialize(Value(item)).map(Some)
    }
}

/// The own enumerable properties of a JS object, in their order.
struct Entries {
    object: JsValue,
    keys: Array,
    next: u32,
    value: JsValue,
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.next >= self.keys.length() {
            return Ok(None);
        }
        let key = self.keys.get(self.next);
        self.next += 1;
        self.value = Reflect::get(&self.object, &key).unwrap_or(JsValue::UNDEFINED);
        seed.deserialize(Value(key)).map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(Value(std::mem::replace(
            &mut self.value,
            JsValue::UNDEFINED,
        )))
    }
}

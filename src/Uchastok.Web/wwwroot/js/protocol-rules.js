// The protocol rule set (Uchastok.Rules/Protocols/protocol-rules.json) run in the browser, so that a
// tablet with no network refuses an incomplete protocol exactly as the server does (ADR 0012). This is
// the JavaScript twin of ProtocolChecks.cs and ProtocolCanonical.cs: the same checks in the same order,
// held to the same conformance vectors (tests/protocol-vectors.json). No dependencies and no eval, so it
// runs under the site's Content-Security-Policy and from a service worker's cache.

const checkProperties = {
    required: ["check", "path", "code", "value"],
    minCount: ["check", "path", "min", "code"],
    anyOf: ["check", "code", "conditions"],
    when: ["check", "when", "checks"],
    each: ["check", "path", "checks"],
    notEqual: ["check", "path", "other", "code"],
    notIn: ["check", "path", "list", "code"],
    unique: ["check", "path", "key", "code"],
    refuseWhen: ["check", "code", "when", "instead"],
    matches: ["check", "path", "pattern", "code"],
};

const conditionKinds = ["present", "equals", "in", "not"];

/** The refusal for a type code the rule set does not have. */
export const unknownType = "type.unknown";

/** The refusal for a document holding half a surrogate pair in a string or a number beyond a double's range (ProtocolChecks.MalformedDocument). */
export const malformedDocument = "document.malformed";

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function wellFormed(value) {
    if (typeof value === "string") return !loneSurrogate.test(value);
    if (typeof value === "number") return Number.isFinite(value);
    if (Array.isArray(value)) return value.every(wellFormed);
    if (value !== null && typeof value === "object") return Object.keys(value).every(k => !loneSurrogate.test(k) && wellFormed(value[k]));
    return true;
}

/** The white space a blank string may hold: the same explicit set as ProtocolChecks.BlankCharacters. */
const blank = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*$/;

/**
 * Evaluates a protocol document against the rule set (the parsed JSON file).
 * Returns { missing: [{ code, path }], refused: [{ code, path, instead? }], maySign }.
 */
export function evaluate(ruleSet, typeCode, document) {
    checkSigners(ruleSet);
    const run = { ruleSet, document, missing: [], refused: [] };
    const type = (ruleSet.types || []).find(t => t.code === typeCode);
    if (!wellFormed(document)) refuse(run, malformedDocument, "", null);
    else if (!type) refuse(run, unknownType, "", null);
    else runChecks(run, type.checks, document, "");
    return { missing: run.missing, refused: run.refused, maySign: run.missing.length === 0 && run.refused.length === 0 };
}

/** Who signs a type that names no signers: the drafter alone (ProtocolSigners.DrafterOnly). */
const drafterOnly = { required: ["drafter"], mayRefuse: [] };

/** The signer roles, in the order signatures are hashed (ProtocolSigners.Roles). */
const signerRoles = ["drafter", "person", "witness1", "witness2", "owner", "representative"];

/**
 * Refuses a rule set whose signers the C# loader (ProtocolRuleSet.ReadSigners) refuses, with the same words: this
 * interpreter has no loader of its own, so both evaluate functions check the signers of every type before anything
 * else. Only the signers' roles are checked here: the loader's checks of their shape (signers not an object, unknown
 * properties) are not repeated, as the server sends only rule sets its loader took. Throws an Error naming the place.
 */
export function checkSigners(ruleSet) {
    (ruleSet.types || []).forEach((type, index) => {
        if (type.signers === undefined) return;
        const at = `types[${index}].signers`;
        const roles = property => {
            const list = type.signers[property];
            if (!Array.isArray(list)) throw new Error(`${at}.${property}: an array of roles is required`);
            list.forEach((role, i) => {
                if (!signerRoles.includes(role)) throw new Error(`${at}.${property}: '${typeof role === "string" ? role : ""}' is not a role (${signerRoles.join(", ")})`);
                if (list.indexOf(role) !== i) throw new Error(`${at}.${property}: '${role}' appears twice`);
            });
            return list;
        };
        const required = roles("required");
        const mayRefuse = "mayRefuse" in type.signers ? roles("mayRefuse") : [];
        if (!required.includes("drafter")) throw new Error(`${at}.required: the drafter always signs`);
        if (mayRefuse.includes("drafter")) throw new Error(`${at}.mayRefuse: the drafter may not refuse`);
        // Only a signer who must sign may refuse instead: a refusal by anyone else is refused below.
        for (const role of mayRefuse)
            if (!required.includes(role)) throw new Error(`${at}.mayRefuse: '${role}' is not required (only a signer who must sign may refuse)`);
    });
}

/**
 * Names every signer the type needs and the signatures given lack ("signature.<role>", in the order of the
 * type's signers.required): the twin of ProtocolChecks.EvaluateSignatures. `signatures` is the array the
 * hash covers: { role, imageSha256 } (or image) when signed, { role, refused: true, reason } when refused.
 * A signer counts when he signed, or refused with a reason and his role is in signers.mayRefuse. A refusal recorded
 * by a role the type does not require is refused ("signature.<role>.refusal", in the order given).
 * Returns { missing: [{ code, path }], refused: [{ code, path }], maySign }.
 */
export function evaluateSignatures(ruleSet, typeCode, signatures) {
    checkSigners(ruleSet);
    const run = { ruleSet, document: signatures, missing: [], refused: [] };
    const type = (ruleSet.types || []).find(t => t.code === typeCode);
    if (!type) refuse(run, unknownType, "", null);
    else {
        const signers = type.signers || drafterOnly;
        const given = Array.isArray(signatures) ? signatures.filter(s => s !== null && typeof s === "object" && !Array.isArray(s)) : [];
        for (const role of signers.required) {
            const signature = given.find(s => typeof s.role === "string" && s.role === role);
            if (!counts(signature, (signers.mayRefuse || []).includes(role))) lack(run, `signature.${role}`, "");
        }
        // A refusal by a role the type does not require is no signer's answer (mayRefuse names required roles only);
        // a required role's refusal outside mayRefuse is already named above, as a signer missing.
        for (const signature of given)
            if (typeof signature.role === "string" && signature.refused === true && !signers.required.includes(signature.role))
                refuse(run, `signature.${signature.role}.refusal`, "", null);
    }
    return { missing: run.missing, refused: run.refused, maySign: run.missing.length === 0 && run.refused.length === 0 };
}

function counts(signature, mayRefuse) {
    if (signature === undefined) return false;
    if (signature.refused === true) return mayRefuse && isPresent(signature.reason);
    return isPresent(signature.imageSha256) || isPresent(signature.image);
}

function lack(run, code, path) {
    if (!run.missing.some(f => f.code === code && f.path === path)) run.missing.push({ code, path });
}

function refuse(run, code, path, instead) {
    if (run.refused.some(r => r.code === code && r.path === path && (r.instead ?? null) === (instead ?? null))) return;
    run.refused.push(instead ? { code, path, instead } : { code, path });
}

function runChecks(run, checks, current, at) {
    for (const check of checks) runCheck(run, check, current, at);
}

function runCheck(run, check, current, at) {
    const kind = check.check;
    const allowed = checkProperties[kind];
    if (!allowed) throw new Error(`unknown check kind '${kind}'; the interpreters know ${Object.keys(checkProperties).join(", ")}`);
    switch (kind) {
        case "required": {
            const value = read(run, current, check.path);
            if ("value" in check ? !same(value, check.value) : !isPresent(value)) lack(run, check.code, at);
            break;
        }
        case "minCount": {
            const array = read(run, current, check.path);
            if ((Array.isArray(array) ? array.length : 0) < check.min) lack(run, check.code, at);
            break;
        }
        case "anyOf":
            if (!check.conditions.some(condition => holds(run, condition, current))) lack(run, check.code, at);
            break;
        case "when":
            if (holds(run, check.when, current)) runChecks(run, check.checks, current, at);
            break;
        case "each": {
            const elements = read(run, current, check.path);
            if (Array.isArray(elements)) {
                elements.forEach((element, index) => runChecks(run, check.checks, element, elementPath(at, check.path, index)));
            }
            break;
        }
        case "notEqual": {
            const left = read(run, current, check.path);
            const right = read(run, current, check.other);
            if (isPresent(left) && isPresent(right) && same(left, right)) refuse(run, check.code, at, null);
            break;
        }
        case "notIn": {
            const candidate = read(run, current, check.path);
            const list = read(run, current, check.list);
            if (isPresent(candidate) && Array.isArray(list) && list.some(item => same(candidate, item))) refuse(run, check.code, at, null);
            break;
        }
        case "unique": {
            const rows = read(run, current, check.path);
            if (Array.isArray(rows)) {
                const seen = [];
                rows.forEach((row, index) => {
                    const key = read(run, row, check.key);
                    if (!isPresent(key)) return;
                    if (seen.some(earlier => same(key, earlier))) refuse(run, check.code, elementPath(at, check.path, index), null);
                    seen.push(key);
                });
            }
            break;
        }
        case "refuseWhen":
            if (holds(run, check.when, current)) refuse(run, check.code, at, check.instead ?? null);
            break;
        case "matches": {
            // The pattern language is the loader's small anchored one (ProtocolCheckReader.PatternGrammar), read alike here and in .NET.
            const text = read(run, current, check.path);
            if (isPresent(text) && (typeof text !== "string" || !new RegExp(check.pattern).test(text))) lack(run, check.code, at);
            break;
        }
    }
}

function elementPath(at, path, index) {
    return `${at === "" ? "" : at + "."}${path}[${index}]`;
}

function holds(run, condition, current) {
    const kind = conditionKinds.find(k => k in condition);
    switch (kind) {
        case "present": return isPresent(read(run, current, condition.present));
        case "equals": return same(read(run, current, condition.equals), condition.value);
        case "in": {
            const code = read(run, current, condition.in);
            if (typeof code !== "string") return false;
            const list = run.ruleSet.lists[condition.list];
            return list.values.some(entry => entry.code === code && (condition.where === undefined || isPresent(entry[condition.where])));
        }
        case "not": return !holds(run, condition.not, current);
        default: throw new Error(`a condition has exactly one of ${conditionKinds.join(", ")}`);
    }
}

function read(run, current, path) {
    let from = path.startsWith("$.") ? run.document : current;
    for (const name of (path.startsWith("$.") ? path.slice(2) : path).split(".")) {
        if (from === null || typeof from !== "object" || Array.isArray(from) || !Object.hasOwn(from, name)) return undefined;
        from = from[name];
    }
    return from;
}

/** Whether a value counts as given: the same rule as ProtocolChecks.IsPresent. */
export function isPresent(value) {
    if (typeof value === "string") return !blank.test(value);
    if (Array.isArray(value)) return value.length > 0;
    if (value !== null && typeof value === "object") return Object.keys(value).length > 0;
    return typeof value === "number" || typeof value === "boolean";
}

function same(value, expected) {
    const a = value === undefined ? null : value;
    if (a === null || expected === null) return a === expected;
    if (typeof a === "object" || typeof expected === "object") return false;
    return a === expected;
}

/**
 * The canonical JSON text of a document (RFC 8785 over objects, arrays, strings, booleans, null and
 * whole numbers within ±(2^53 − 1)): the same text as ProtocolCanonical.Json. Throws a RangeError for a
 * fractional or too large number and for a lone surrogate.
 */
export function canonicalJson(document) {
    return write(document, "$");
}

/** The lowercase hex SHA-256 of the canonical text in UTF-8, by Web Crypto (a secure context). */
export async function sha256Hex(document) {
    const bytes = new TextEncoder().encode(canonicalJson(document));
    const digest = await crypto.subtle.digest("SHA-256", bytes);
    return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, "0")).join("");
}

function write(value, at) {
    if (value === null) return "null";
    if (value === true) return "true";
    if (value === false) return "false";
    if (typeof value === "number") {
        if (!Number.isSafeInteger(value)) throw new RangeError(`${at}: ${value} is not a whole number within ±${Number.MAX_SAFE_INTEGER}`);
        return String(value === 0 ? 0 : value);
    }
    if (typeof value === "string") return writeString(value, at);
    if (Array.isArray(value)) return "[" + value.map((item, index) => write(item, `${at}[${index}]`)).join(",") + "]";
    if (typeof value === "object") {
        // Default string order compares UTF-16 code units, as RFC 8785 asks.
        const names = Object.keys(value).sort();
        return "{" + names.map(name => writeString(name, at) + ":" + write(value[name], `${at}.${name}`)).join(",") + "}";
    }
    throw new RangeError(`${at}: a ${typeof value} has no canonical form`);
}

const shortEscapes = { "\"": "\\\"", "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r" };

function writeString(text, at) {
    let out = "\"";
    for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
            const next = text.charCodeAt(i + 1);
            if (next >= 0xdc00 && next <= 0xdfff) {
                out += text[i] + text[i + 1];
                i++;
                continue;
            }
        }
        if (unit >= 0xd800 && unit <= 0xdfff) throw new RangeError(`${at}: a string holds a lone surrogate (U+${unit.toString(16).toUpperCase()})`);
        const c = text[i];
        if (c in shortEscapes) out += shortEscapes[c];
        else if (unit < 0x20) out += "\\u" + unit.toString(16).padStart(4, "0");
        else out += c;
    }
    return out + "\"";
}

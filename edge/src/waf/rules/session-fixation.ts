import type { RequestRule, ValueRule } from "../rule.ts";
import { regexRule, requestRule } from "./define.ts";

// Setting a cookie from injected script or markup plants a session id the attacker knows.
const COOKIE_SETTING =
  /\.cookie\b[^;]{0,200}?(?:;|\b)[^;]{0,200}?\b(?:expires|domain|path|max-age)\s*=|\bhttp-equiv\W{0,10}set-cookie\b|\.cookie\s*=\s*["'`]?[\w.-]{1,100}=/;
// Parameter names that carry a session id in URL-based session schemes.
// Parameter names that carry a session id in URL-based session schemes.
const SESSION_ID_NAME =
  /sess(?:ion)?(?:[_.:-]?(?:id|token|key))?$|^(?:[\w.-]{0,30}[._-])?sid$|^(?:jsessionid|phpsessid|aspsessionid\w{0,20}|cfid|cftoken|cakephp|jservsession|jwsession|zendsessid|weblogicsession|meteor_login_token|cfsid|phpsession|shiny-token|session-token)$|session[_.-]?(?:id|token)$|^_?[\w]{0,20}_session$|^(?:__(?:host|secure)-)?next-auth\.session-token$/i;

export const SESSION_FIXATION_VALUE_RULES: readonly ValueRule[] = [
  regexRule({
    id: "session-fixation-cookie-setting",
    family: "session-fixation",
    pipeline: "lower",
    pattern: COOKIE_SETTING,
  }),
];

/**
 * A session id passed in the URL or a form (not a JSON field such as `limits.session`), whose value
 * looks like an identifier.
 */
function sessionParameter(context: Parameters<RequestRule["check"]>[0]): string | null {
  const { targets, bodyKind } = context.collected;
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i] as (typeof targets)[number];
    const carried = target.kind === "query-name" || (target.kind === "body-name" && bodyKind === "form");
    const jsonKey =
      target.kind === "body-name" && bodyKind === "json" && STRICT_SESSION_ID_NAME.test(target.value);
    if (!jsonKey && (!carried || !SESSION_ID_NAME.test(target.value))) continue;
    const value = targets[i + 1];
    if (value !== undefined && value.name === target.name && SESSION_TOKEN.test(value.value))
      return target.name;
  }
  return null;
}

function hostOf(url: string): string | null {
  const match = REFERER_HOST.exec(url);
  return match?.[1]?.toLowerCase() ?? null;
}

const PORT_SUFFIX = /:\d+$/;
const SESSION_TOKEN = /^\S{3,}$/;
// In JSON bodies only the unmistakable container-managed names count; `session` alone is a normal field.
const STRICT_SESSION_ID_NAME =
  /^(?:jsessionid|phpsessid|phpsession|aspsessionid\w{0,20}|asp\.net_sessionid|cfid|cftoken|cfsid|zendsessid)$/i;
const REFERER_HOST = /^[a-z][\w+.-]{0,20}:\/\/(?:[^/@?#]{0,200}@)?([^/:?#]{1,253})/i;

export const SESSION_FIXATION_REQUEST_RULES: readonly RequestRule[] = [
  requestRule({
    id: "session-fixation-without-referer",
    family: "session-fixation",
    // Server-to-server callbacks legitimately carry session tokens without a Referer, so this
    // only adds to other evidence; a foreign Referer (below) blocks on its own.
    severity: "warning",
    patterns: [SESSION_ID_NAME, SESSION_TOKEN, STRICT_SESSION_ID_NAME],
    check: (context) => (context.collected.headers.has("referer") ? null : sessionParameter(context)),
  }),
  requestRule({
    id: "session-fixation-foreign-referer",
    family: "session-fixation",
    patterns: [SESSION_ID_NAME, REFERER_HOST, PORT_SUFFIX, SESSION_TOKEN, STRICT_SESSION_ID_NAME],
    check: (context) => {
      const target = sessionParameter(context);
      if (target === null) return null;
      const referer = context.collected.headers.get("referer");
      if (referer === undefined) return null;
      const refererHost = hostOf(referer);
      const host = (context.collected.headers.get("host") ?? hostOf(context.request.url) ?? "")
        .toLowerCase()
        .replace(PORT_SUFFIX, "");
      // A session id arriving from another site's link is the fixation pattern; same-site is fine.
      if (refererHost === null) return null;
      return refererHost === host || refererHost.endsWith(`.${host}`) ? null : target;
    },
  }),
];

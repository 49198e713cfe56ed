import type { ValueRule } from "../rule.ts";
import { regexRule, valueRule } from "./define.ts";

const ALL_HEADERS = undefined;

const PHP_OPEN_TAG =
  /<\?(?:php\s|=|\s+(?:php\b|\$|@|echo\b|print\b|if\b|eval\b|system\b|[a-z_]\w{0,30}\s?\()|$)|<\?xml\s*:\s*[\w$]{2,40}\s*\(|<\?xml\b[^>]{0,200}?(?:\?>)?\s*[:;]?\s*(?:echo|print|system|eval)\b|[[{]\s*[/\\]?\s*php\s*[\]}]/;
const PHP_CONFIG_DIRECTIVE =
  /(?:^|[^\w.])(?:allow_url_(?:fopen|include)|auto_(?:ap|pre)pend_file|disable_(?:functions|classes)|open_basedir|safe_mode(?:_exec_dir)?|register_globals|display_errors|error_log|error_reporting|file_uploads|include_path|magic_quotes_(?:gpc|runtime)|memory_limit|post_max_size|upload_(?:max_filesize|tmp_dir)|max_execution_time|expose_php|enable_dl|short_open_tag|session\.(?:save_path|use_trans_sid|auto_start|upload_progress\.\w+)|suhosin\.\w+|mail\.add_x_header|sendmail_path|user_ini\.filename|doc_root|cgi\.force_redirect|extension_dir|html_errors|log_errors|output_handler|zend_extension|opcache\.\w+|phar\.readonly|assert\.active|engine|extension|mbstring\.[\w.]{1,40}|precision|smtp|smtp_port|unserialize_max_depth|variables_order|request_order|auto_detect_line_endings|default_charset|serialize_precision|pcre\.[\w.]{1,30})\s*(?:=|$)/;
const PHP_SUPERGLOBAL =
  /\$_?(?:get|post|cookie|server|request|files|env|session|globals)\b|\$http_(?:get|post|cookie|server|env|session|post_files)_vars\b|\$http_raw_post_data\b/;
const PHP_STREAM_WRAPPER =
  /\b(?:php:\/\/(?:input|filter|stdin|stdout|stderr|memory|temp|fd|output)|(?:zlib|glob|phar|ssh2(?:\.\w+)?|rar|ogg|expect|zip|compress\.(?:zlib|bzip2)):\/\/|data:\/\/(?:text|application|image)\/)/;
const PHP_SERIALIZED_OBJECT =
  /(?:^|[^\w])[oc]:\d+:"[\w\\]{1,200}":\d+:\{|(?:^|[;{])a:\d+:\{(?:[isbdo]:\d+[;:])/i;
// High-risk functions: command execution, code evaluation, obfuscation layers, file access.
const PHP_HIGH_RISK_FUNCTION =
  /(?:^|[^\w$>:])(?:substr|filegroup|unpack|intval|exec|eval|assert|usort|uasort|uksort|strrev|fopen|fwrite|fputs|fread|readfile|getenv|putenv|chmod|chown|unlink|rmdir|mkdir|symlink|setcookie|var_dump|print_r|var_export|scandir|opendir|readdir|tempnam|tmpfile|iconv|md5|sha1|crc32|strtolower|strtoupper|include_once|require_once|strip_tags|is_array|curl_init|zlib_decode|shell_exec|passthru|popen|proc_open|pcntl_exec|pcntl_fork|assert_options|create_function|call_user_func(?:_array)?|call_user_method(?:_array)?|forward_static_call(?:_array)?|register_(?:shutdown|tick)_function|array_(?:map|filter|walk|walk_recursive|reduce|diff_ukey|udiff|uintersect)|preg_replace(?:_callback)?|mb_ereg_replace|base64_decode|base64_encode|gzinflate|gzuncompress|gzdecode|gzdeflate|gzcompress|gzencode|bzdecompress|bzcompress|str_rot13|convert_uudecode|hex2bin|file_get_contents|file_put_contents|fsockopen|pfsockopen|readgzfile|show_source|highlight_file|php_uname|phpinfo|ini_set|ini_get|ini_restore|set_include_path|unserialize|parse_str|mb_parse_str|move_uploaded_file|posix_\w+|proc_\w+|escapeshellcmd|escapeshellarg|curl_exec|curl_multi_exec|stream_socket_client|stream_get_contents|socket_create|ob_start|debug_zval_dump|get_defined_vars|get_defined_functions|is_writable|file_exists)\s*(?:\/\/[^\n]{0,100}\n|#[^\n]{0,100}\n|\/\*[^*]{0,100}\*\/|\s){0,5}\(/;
// Functions named like English words (`file`, `mail`, `system`) count only when written as code:
// `system('id')`, `file($x)`, `exec ("ls")` or with a comment before the parenthesis; "the file (pdf)" is prose.
const PHP_WORD_FUNCTION =
  /(?:^|[^\w$>:.])(?:printf|system|file|extract|link|mail|header|glob|copy|rename|ord|chr|include|require)(?:\(\s*(?:['"$`\d)]|[a-z_][\w.]{0,40}\s*[,)(])|\s{1,10}\(\s*['"$]|\s{0,10}\(\s*\)|\s{0,10}(?:\/\/[^\n]{0,100}\n|#[^\n]{0,100}\n|\/\*[^*]{0,100}\*\/)\s{0,10}\()/;
// Variable functions and obfuscated calls: `$a(…)`, `$$b(…)`, `${'x'}(…)`, `@$_[1](…)`, `(system)('id')`.
const PHP_VARIABLE_FUNCTION_CALL =
  /@?\$\$?\s{0,10}\{?\s{0,10}[a-z_'"@!][\w'"@!+.]{0,59}\s{0,10}\}?\s{0,10}(?:\[[^\]]{1,60}\]{1,3}\s{0,10}|\{[^}]{1,60}\}\s{0,10}){0,4}(?:\/\*[^*]{0,60}\*\/\s{0,10})?\(/;
// A grouped or indexed callee invoked directly: `(system)(ls)`, `[system][0](ls)`, `($y)('id')`,
// `(['system'])[0]('id')`. Either the callee is a dangerous function or the argument is a string or variable.
const PHP_INDIRECT_CALL =
  /[([]\s?[([]?\s?['"]?\s?(?:system|exec|shell_exec|passthru|popen|proc_open|assert|eval|phpinfo|base64_decode)\s?['"]?\s?[\])]\s?[\])]?\s?(?:[[{]\s?\d{1,3}\s?[\]}]\s?){0,3}\(|[([]\s?\$?[a-z_]\w{0,40}\s?[\])](?:[[{]\s?\d{1,3}\s?[\]}]){0,3}\(\s?['"$]/;
const PHP_VARIABLE_VARIABLE =
  /\$\s*\{\s*(?:\$|['"][^'"]{0,60}['"](?:\s*\.\s*['"][^'"]{0,60}['"]){0,6}\s*\}|(?:globals|_get|_post|_cookie|_server|_request|_env|_files)\s*\})/;
// A function name in quotes, called: `"system"(…)`.
const PHP_QUOTED_FUNCTION_CALL =
  /["'](?:system|exec|shell_exec|passthru|popen|proc_open|assert|eval|create_function|call_user_func|base64_decode|file_get_contents|file_put_contents|phpinfo|include|require)["']\s*\(/;
// Distinctive function names that need no word boundary (`FOOgzinflate()`, `shell_exec=(…)`).
const PHP_DISTINCTIVE_FUNCTION =
  /(?:call_user_func(?:_array)?|fsockopen|gzdecode|gzinflate|gzuncompress|shell_exec|zlib_decode|curl_init|curl_exec|base64_decode|str_rot13|proc_open|pcntl_exec|create_function|file_get_contents|file_put_contents|strip_tags|is_array|filegroup|unpack|intval|printf|bzdecompress)\s*=?\s*(?:\/\/[^\n]{0,100}\n|#[^\n]{0,100}\n|\/\*[^*]{0,100}\*\/|\s){0,5}\(/;
const PHP_CALLABLE_EXPRESSION =
  /\(\s*(?:\(?\s*string\s*\)\s*)?(?:["'][\w.'" ]{1,60}["']|[\w.()]{1,60})\s*\)\s*\(\s*["'$\w]|\(string\)\s*(?:\+\s*)?(?:["'{]|\w)[^;]{0,100}\(\s*['"]|["'][a-z_]{1,20}["']\s*\.\s*["'][a-z_]{1,20}["'][^;]{0,60}\(\s*['"]/;
// Session files planted through upload names (`sess_<id>`) to hijack PHP sessions.
// Server-side code inside an uploaded file: a web shell waiting for a misconfigured handler. Only
// markers long enough not to occur by chance in binary images and PDFs.
const WEB_SHELL_MARKER =
  /<\?php\s|<%@\s*(?:page|include)\b|<%=?\s*(?:out\.print|response\.write|runtime\.getruntime|request\.getparameter)|<jsp:|<script[^>]{0,100}runat\s*=\s*["']?server|\beval\s*\(\s*(?:base64_decode|gzinflate|str_rot13)\s*\(/;
const PHP_SESSION_FILE_NAME = /(?:^|[/\\])sess_[a-z0-9,-]{16,}$/;
const PHP_SCRIPT_UPLOAD =
  /\.(?:php\d*|phpt|phtml|pht|phps|phar|inc|hphp|ctp|module)(?:\.[\w]{0,8}){0,3}\.*$|\.(?:php\d?|phtml|phar)\./;
const UPLOAD_NAME_NOISE = /\s+/g;

export const PHP_RULES: readonly ValueRule[] = [
  regexRule({
    id: "php-web-shell-upload",
    family: "php",
    kinds: ["file-content"],
    pipeline: "lower",
    pattern: WEB_SHELL_MARKER,
  }),
  regexRule({ id: "php-open-tag", family: "php", pipeline: "lower", pattern: PHP_OPEN_TAG }),
  regexRule({ id: "php-config-directive", family: "php", pipeline: "lower", pattern: PHP_CONFIG_DIRECTIVE }),
  regexRule({ id: "php-superglobal", family: "php", pipeline: "lower", pattern: PHP_SUPERGLOBAL }),
  regexRule({ id: "php-stream-wrapper", family: "php", pipeline: "lower", pattern: PHP_STREAM_WRAPPER }),
  regexRule({
    id: "php-serialized-object",
    family: "php",
    pipeline: "decoded",
    pattern: PHP_SERIALIZED_OBJECT,
  }),
  regexRule({
    id: "php-high-risk-function",
    family: "php",
    pipeline: "lower",
    pattern: PHP_HIGH_RISK_FUNCTION,
  }),
  regexRule({ id: "php-word-function-call", family: "php", pipeline: "lower", pattern: PHP_WORD_FUNCTION }),
  regexRule({
    id: "php-variable-function-call",
    family: "php",
    pipeline: "code",
    prefilter: (lower) => lower.includes("$"),
    pattern: PHP_VARIABLE_FUNCTION_CALL,
  }),
  regexRule({
    id: "php-indirect-call",
    family: "php",
    pipeline: "code",
    prefilter: (lower) => lower.includes("("),
    pattern: PHP_INDIRECT_CALL,
  }),
  regexRule({
    id: "php-variable-variable",
    family: "php",
    pipeline: "lower",
    pattern: PHP_VARIABLE_VARIABLE,
  }),
  regexRule({
    id: "php-callable-expression",
    family: "php",
    pipeline: "code",
    prefilter: (lower) => lower.includes("("),
    pattern: PHP_CALLABLE_EXPRESSION,
  }),
  regexRule({
    id: "php-session-file-upload",
    family: "php",
    kinds: ["file-name", "header"],
    headers: ["x-filename", "x_filename", "x-file-name", "x.filename"],
    pipeline: "path",
    pattern: PHP_SESSION_FILE_NAME,
  }),
  valueRule({
    id: "php-script-upload",
    family: "php",
    kinds: ["file-name", "header"],
    headers: ["x-filename", "x_filename", "x-file-name", "x.filename"],
    pipeline: "path",
    patterns: [PHP_SCRIPT_UPLOAD, UPLOAD_NAME_NOISE],
    // Stored names lose their spaces (`photo. php`), so compare without them.
    test: (value) => PHP_SCRIPT_UPLOAD.test(value.replace(UPLOAD_NAME_NOISE, "")),
  }),
  regexRule({
    id: "php-quoted-function-call",
    family: "php",
    pipeline: "lower",
    pattern: PHP_QUOTED_FUNCTION_CALL,
  }),
  regexRule({
    id: "php-distinctive-function",
    family: "php",
    pipeline: "lower",
    pattern: PHP_DISTINCTIVE_FUNCTION,
  }),
  regexRule({
    id: "php-code-in-header",
    family: "php",
    kinds: ["header"],
    headers: ALL_HEADERS,
    pipeline: "lower",
    pattern: PHP_OPEN_TAG,
  }),
];

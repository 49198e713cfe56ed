import type { ValueRule } from "../rule.ts";
import { ALL_VALUE_KINDS } from "../rule.ts";
import { regexRule, valueRule } from "./define.ts";

const ALL_HEADERS = undefined;

// Fully qualified names from packages used by deserialization gadgets, expression-language and
// JNDI exploits. Ordinary API data never carries `java.lang.Runtime`-style identifiers.
const JAVA_SENSITIVE_CLASS =
  /\bjava\.runtime\b|\borg\.apache\.commons\b|\borg\.omg\.corba\b|\b(?:java\.(?:lang|io|net|nio|util|beans|rmi|security|sql)\.[a-z_$]|javax\.(?:script|naming|management|el|xml\.transform|sql\.rowset)\b|com\.sun\.|sun\.(?:misc|reflect|rmi|net|tools|security|nio)\.|jdk\.(?:internal|nashorn|jfr)\.|org\.apache\.(?:commons\.(?:collections\d?|beanutils|fileupload|io|configuration)|xalan|xbean|myfaces|naming|catalina|tomcat|struts2?|log4j|shiro|wicket|velocity|bcel|batik|click|cxf|coyote|jasper|axis|ibatis|openjpa|jackrabbit|ignite|camel)\.|org\.springframework\.|com\.opensymphony\.(?:xwork2|webwork)|org\.codehaus\.(?:groovy|jackson)|groovy\.(?:lang|util)\.|bsh\.|com\.mchange\.|org\.hibernate\.|com\.alibaba\.fastjson|ognl\.|org\.mozilla\.javascript|org\.python\.|clojure\.|com\.fasterxml\.jackson\.databind\.|org\.jboss\.|weblogic\.|com\.ibm\.websphere|javassist\.|net\.sf\.json|org\.yaml\.snakeyaml|com\.thoughtworks\.xstream|org\.eclipse\.jetty|freemarker\.template|org\.thymeleaf)/;
const JAVA_PROCESS_EXECUTION =
  /\bruntime\s*\.\s*getruntime\b|\bgetruntime\s*\(\s*\)\s*\.\s*exec\b|\bprocessbuilder\b|\bprocessimpl\b|\bunixprocess\b|\.exec\s*\(\s*(?:new\s+string|["'](?:\/bin\/|cmd|bash|sh\b|powershell))/;
// Commons-Collections and friends: the transformer/closure/factory gadgets of known chains.
const JAVA_GADGET =
  /\b(?:invoker|chained|constant|instantiate|clone|closure|factory|map|predicate|string|switch)transformer\b|\b(?:for|while|if|chained|switch|transformer|invoker|exception|nop)closure\b|\b(?:instantiate|prototypeclone|prototypeserialization|constant|exception|reflection)factory\b|\btemplatesimpl\b|\blazymap\b|\bjdbcrowsetimpl\b|\bbadattributevalueexpexception\b|\bpriorityqueue\b.{0,200}\bcomparator\b|\bannotationinvocationhandler\b|\bobjectfactory\b.{0,100}\bjndi/;
const JAVA_SERIALIZED_MAGIC =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control bytes is the point
  /\xac\xed\x00\x05|rO0AB[QXY]|\baced0005[0-9a-f]{2}|KztAAU|H4sIAAAAAAAA[A-Z]{0,2}rO0/;
// Log4Shell-style lookups, including nested and case-folding evasions (`${${lower:j}ndi:`).
const LOG4J_LOOKUP =
  /\$\{[^}]{0,200}?(?:\$\{|jndi\s*:|(?:lower|upper|env|sys|java|date|main|bundle|ctx|k8s|docker|spring|web|log4j|base64|marker|map|sd|event|jvmrunargs)\s*:|::-)/;
const JAVA_EL_INJECTION =
  /(?:\$\{|#\{|%\{)[^}]{0,200}?(?:getclass|classloader|getruntime|forname|newinstance|getmethod|invoke|\.exec|processbuilder|@java|scriptengine|urlclassloader|_memberaccess|ognlcontext|getdeclared)/;
const JSP_UPLOAD = /\.(?:jspx?|jspf|jsw|jsv|jhtml|jws)(?:\.[\w]{1,8})?\.*$/;
const UPLOAD_NAME_NOISE = /\s+/g;

export const JAVA_RULES: readonly ValueRule[] = [
  regexRule({
    id: "java-sensitive-class",
    family: "java",
    kinds: ALL_VALUE_KINDS,
    headers: ALL_HEADERS,
    pipeline: "lower",
    pattern: JAVA_SENSITIVE_CLASS,
  }),
  regexRule({
    id: "java-process-execution",
    family: "java",
    kinds: ALL_VALUE_KINDS,
    headers: ALL_HEADERS,
    pipeline: "lower",
    pattern: JAVA_PROCESS_EXECUTION,
  }),
  regexRule({
    id: "java-deserialization-gadget",
    family: "java",
    kinds: ALL_VALUE_KINDS,
    headers: ALL_HEADERS,
    pipeline: "lower",
    pattern: JAVA_GADGET,
  }),
  regexRule({
    id: "java-serialized-object",
    family: "java",
    kinds: ALL_VALUE_KINDS,
    headers: ALL_HEADERS,
    pipeline: "raw",
    pattern: JAVA_SERIALIZED_MAGIC,
  }),
  regexRule({
    id: "java-log4j-lookup",
    family: "java",
    kinds: ALL_VALUE_KINDS,
    headers: ALL_HEADERS,
    pipeline: "lower",
    pattern: LOG4J_LOOKUP,
  }),
  regexRule({
    id: "java-expression-language",
    family: "java",
    kinds: ALL_VALUE_KINDS,
    headers: ALL_HEADERS,
    pipeline: "lower",
    pattern: JAVA_EL_INJECTION,
  }),
  valueRule({
    id: "java-jsp-upload",
    family: "java",
    kinds: ["file-name", "header"],
    headers: ["x-filename", "x_filename", "x-file-name", "x.filename"],
    pipeline: "path",
    patterns: [JSP_UPLOAD, UPLOAD_NAME_NOISE],
    test: (value) => JSP_UPLOAD.test(value.replace(UPLOAD_NAME_NOISE, "")),
  }),
];

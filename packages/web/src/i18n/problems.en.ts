import type { Catalog } from "./catalog.ts";

/*
 * Validator problems by code (packages/core PROBLEM_CODES), one template per code and
 * `code_variant` with the params core lists in PROBLEM_PARAMS. English readers see the
 * validator's own sentence; these English templates say the same and keep zh-CN honest.
 */
export const problemsEn = {
  FD1001: "A definition must be a JSON object.",
  FD1002: "{{value}} is not a kind of definition; use one of {{choices}}.",
  FD1002_missing: 'The definition does not say what it is; add "kind": one of {{choices}}.',
  FD1002_suggest: '{{value}} is not a kind of definition; did you mean "{{suggestion}}"?',
  FD1002_pack: 'This file is not a template pack: its kind must be "pack".',
  FD1003: "Schema version {{value}} is not supported; this Flowdesk reads version {{supported}}.",
  FD1003_missing: "The schemaVersion is missing; this Flowdesk reads version 1.",
  FD1003_pack:
    "This pack uses definition schema version {{value}}; this Flowdesk reads version {{supported}} and older. Upgrade Flowdesk before importing it.",
  FD1004: "{{field}} is required.",
  FD1004_tag: "{{field}} is missing; use one of {{choices}}.",
  FD1005: "{{field}} has the wrong type: {{type}} expected.",
  FD1006: "{{value}} is not a valid {{field}}; use one of {{choices}}.",
  FD1007_name: '"{{value}}" is not a valid name in {{field}}.',
  FD1007_pattern: "{{value}} is not in the format {{field}} expects.",
  FD1007_pattern0:
    "{{value}} is not a valid id: use lower-case letters, digits and dashes, starting with a letter.",
  FD1007_pattern1:
    "{{value}} is not a valid id: use letters, digits, dashes and underscores, starting with a letter.",
  FD1007_pattern2:
    "{{value}} is not a valid id: use lower-case letters, digits, dashes and underscores, starting with a letter.",
  FD1007_pattern3:
    "{{value}} is not a valid variable name: use letters, digits and underscores, starting with a letter.",
  FD1007_pattern4: "{{value}} is not an ISO 8601 duration such as PT4H or P3D.",
  FD1007_pattern5: "{{value}} is not a time of day such as 09:00.",
  FD1007_pattern6: "{{value}} is not a version such as 1.2.0.",
  FD1007_format: "{{value}} is not a valid {{format}}.",
  FD1008: 'Unknown field "{{field}}".',
  FD1009_empty: "{{field}} must not be empty.",
  FD1009_minLength: "{{field}} needs at least {{limit}} characters.",
  FD1009_maxLength: "{{field}} may have at most {{limit}} characters.",
  FD1009_minItems: "{{field}} must have at least {{limit}} entries.",
  FD1009_maxItems: "{{field}} may have at most {{limit}} entries.",
  FD1010_minimum: "{{field}} must be at least {{limit}}.",
  FD1010_maximum: "{{field}} must be at most {{limit}}.",
  FD1010_exclusiveMinimum: "{{field}} must be more than {{limit}}.",
  FD1010_exclusiveMaximum: "{{field}} must be less than {{limit}}.",
  FD1010_multipleOf: "{{field}} must be a multiple of {{limit}}.",
  FD1011: "{{field}} does not match any of the allowed shapes.",
  FD1011_other: "{{field}} is not valid.",
  FD1012: "The form's schema cannot be used: {{reason}}.",
  FD1012_formData: "This form cannot be checked: {{reason}}.",
  FD1013: 'The lookup "{{field}}" names no field of this form.',
  FD1014: '"{{value}}" is listed more than once.',
  FD1014_list: "{{value}} appears more than once in {{field}}.",
  FD1015: 'The settings of node type "{{type}}" cannot be checked: {{reason}}',
  FD2001: "The workflow has no start node; add exactly one.",
  FD2002: 'Node "{{node}}" is a second start; a workflow has exactly one start node.',
  FD2003: 'Node "{{node}}" can never be reached from the start.',
  FD2004: 'From node "{{node}}" no path leads to an end, so requests passing it never finish.',
  FD2005: 'Node "{{node}}" has an unknown type "{{type}}"; use one of {{choices}}.',
  FD2005_edge: 'Node "{{node}}" has an unknown type "{{type}}".',
  FD2006: 'Two nodes are called "{{node}}"; give each node its own id.',
  FD2007: 'Two edges are called "{{edge}}"; give each edge its own id.',
  FD2008: 'There is no node "{{node}}" for the edge to start from.',
  FD2009: 'There is no node "{{node}}" for the edge to lead to.',
  FD2010: 'Node "{{node}}" has no outcome "{{outcome}}"; use one of {{choices}}.',
  FD2010_none: 'Node "{{node}}" has no outcomes, so its edges may not name "{{outcome}}".',
  FD2011: 'Node "{{node}}" may have only one incoming edge.',
  FD2012: 'Node "{{node}}" may have only one outgoing edge.',
  FD2013: 'Nothing may lead into node "{{node}}".',
  FD2014: 'Nothing may leave node "{{node}}".',
  FD2015: 'Node "{{node}}" may not lead back to itself: it does not wait, so the loop would never stop.',
  FD2016:
    'Decision "{{node}}" has no default edge and its conditions may not cover every case; a request matching none of them would stop here.',
  FD2017:
    'Edge "{{edge}}" leaves decision "{{node}}" without a condition; add one or make it the default edge.',
  FD2018: 'Decision "{{node}}" has more than one default edge; keep only one.',
  FD2019_noFork: 'Join "{{node}}" is not preceded by a fork, so it would wait for branches that never start.',
  FD2019_mixed: 'Join "{{node}}" merges paths that do not all come from one fork ({{forks}}).',
  FD2019_outside:
    'Join "{{node}}" merges paths that do not all come from one fork ({{forks}}, and a path outside any fork).',
  FD2020: 'Node "{{node}}" has no "{{outcome}}" path; draw an edge for outcome {{outcome}}.',
  FD2021:
    'Node "{{node}}" can wait forever although this workflow has an SLA policy; attach a timeout or escalation timer.',
  FD2022:
    'Subprocess "{{node}}" calls workflow "{{workflow}}", the workflow it is part of; that would never end.',
  FD2023:
    'Workflow "{{workflow}}" calls "{{target}}", which leads back to "{{workflow}}" through its subprocesses; that would never end.',
  FD2024: 'Edge "{{edge}}" leaves node "{{node}}", which is not a decision, so its condition is ignored.',
  FD2025: 'An edge leaving node "{{node}}" must say which outcome it follows: {{choices}}.',
  FD2026: 'Node "{{node}}" is already connected to "{{target}}".',
  FD2026_outcome: 'Node "{{node}}" is already connected to "{{target}}" by outcome "{{outcome}}".',
  ...expressionReadFailures(
    "This expression cannot be read: {{reason}}",
    "A placeholder in this template cannot be read: {{reason}}",
  ),
  FD3004: 'Unknown variable "{{variable}}".',
  FD3004_suggest: 'Unknown variable "{{variable}}"; did you mean "{{suggestion}}"?',
  FD3004_response: 'Unknown variable "{{variable}}": it exists only in the result mapping of a service call.',
  FD3004_child: 'Workflow "{{workflow}}" has no variable "{{variable}}".',
  FD3004_childSuggest:
    'Workflow "{{workflow}}" has no variable "{{variable}}"; did you mean "{{suggestion}}"?',
  FD3020:
    'Unknown variable "{{variable}}". It may be a field of form {{forms}}, which was not part of this check.',
  FD3020_suggest:
    'Unknown variable "{{variable}}"; did you mean "{{suggestion}}"? It may be a field of form {{forms}}, which was not part of this check.',
  FD3021:
    'Variable "{{variable}}" is read here before any step sets it; declare it in the workflow\'s variables or set it earlier.',
  FD4001: 'There is no form "{{id}}".',
  FD4001_suggest: 'There is no form "{{id}}"; did you mean "{{suggestion}}"?',
  FD4002: 'There is no SLA policy "{{id}}".',
  FD4002_suggest: 'There is no SLA policy "{{id}}"; did you mean "{{suggestion}}"?',
  FD4003: 'There is no workflow "{{id}}".',
  FD4003_suggest: 'There is no workflow "{{id}}"; did you mean "{{suggestion}}"?',
  FD4004: 'There is no catalog category "{{id}}".',
  FD4004_suggest: 'There is no catalog category "{{id}}"; did you mean "{{suggestion}}"?',
  FD4005: 'There is no group "{{id}}".',
  FD4005_suggest: 'There is no group "{{id}}"; did you mean "{{suggestion}}"?',
  FD4006: 'There is no role "{{id}}".',
  FD4006_suggest: 'There is no role "{{id}}"; did you mean "{{suggestion}}"?',
  FD4007: 'Another {{kind}} is also called "{{id}}" ({{place}}).',
  FD4101:
    'The id "{{id}}" is already used by a {{kind}} here; a {{otherKind}} cannot share it. Rename one of them.',
  FD4101_inPack:
    'The id "{{id}}" names both a {{kind}} and a {{otherKind}} in this pack; every definition needs its own id.',
  FD9000: "The definition could not be fully checked: {{reason}}",
  refused_one: "{{first}}",
  refused_other: "{{count}} problems need fixing first. {{first}}",
} satisfies Catalog;

/** FD3001–FD3011: an expression or template placeholder the CEL module cannot read. */
function expressionReadFailures(expression: string, template: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (let number = 3001; number <= 3011; number += 1) {
    entries[`FD${number}_expression`] = expression;
    entries[`FD${number}_template`] = template;
  }
  return entries;
}

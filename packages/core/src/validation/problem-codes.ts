/**
 * Every code the validator emits, with the sentence people see in the docs. Codes are
 * stable: a code is never reused for another meaning.
 *   FD1xxx structure (JSON Schema), FD2xxx workflow graph, FD3xxx expressions,
 *   FD4xxx references between definitions.
 */
export const PROBLEM_CODES = {
  // structure
  notAnObject: "FD1001",
  unknownKind: "FD1002",
  unsupportedSchemaVersion: "FD1003",
  missingProperty: "FD1004",
  wrongType: "FD1005",
  notAllowedValue: "FD1006",
  badFormat: "FD1007",
  unknownProperty: "FD1008",
  wrongSize: "FD1009",
  outOfRange: "FD1010",
  noMatchingShape: "FD1011",
  invalidFormSchema: "FD1012",
  lookupWithoutField: "FD1013",
  duplicateEntry: "FD1014",
  brokenNodeSchema: "FD1015",
  // graph
  noStart: "FD2001",
  multipleStarts: "FD2002",
  unreachableNode: "FD2003",
  cannotReachEnd: "FD2004",
  unknownNodeType: "FD2005",
  duplicateNodeId: "FD2006",
  duplicateEdgeId: "FD2007",
  edgeSourceMissing: "FD2008",
  edgeTargetMissing: "FD2009",
  unknownOutcome: "FD2010",
  tooManyIncoming: "FD2011",
  tooManyOutgoing: "FD2012",
  edgeIntoStart: "FD2013",
  edgeOutOfEnd: "FD2014",
  selfLoop: "FD2015",
  decisionWithoutDefault: "FD2016",
  decisionEdgeWithoutCondition: "FD2017",
  decisionWithSeveralDefaults: "FD2018",
  joinMixesForks: "FD2019",
  requiredOutcomeMissing: "FD2020",
  waitWithoutTimer: "FD2021",
  subprocessCallsItself: "FD2022",
  subprocessCycle: "FD2023",
  conditionIgnored: "FD2024",
  outcomeRequired: "FD2025",
  duplicateConnection: "FD2026",
  // expressions: parse failures carry the CEL module's own code (EXPRESSION_CODES:
  // FD3001 syntax, FD3002 too long, FD3009 unclosed placeholder, FD3011 unknown function...)
  expressionSyntax: "FD3001",
  unknownVariable: "FD3004",
  unverifiedVariable: "FD3020",
  variableReadBeforeSet: "FD3021",
  // references
  unknownForm: "FD4001",
  unknownSlaPolicy: "FD4002",
  unknownWorkflow: "FD4003",
  unknownCategory: "FD4004",
  unknownGroup: "FD4005",
  unknownRole: "FD4006",
  duplicateDefinition: "FD4007",
} as const;

export type ProblemCodeName = keyof typeof PROBLEM_CODES;

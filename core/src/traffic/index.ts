export { capacityDefaultsSchema, DECOR_KINDS, type CapacityDefaults, type EngineDefault, type KindDefault, type Scaling } from './defaults';
export { readBaseline, readLatencyTarget, type Baseline, type TypedTraffic } from './baseline';
export { countsInText, parseRate, parseRatio, readNodeScale, TRAFFIC_PROPS, type NodeScale, type TextCounts, type TrafficProp } from './scale';
export { prepareTraffic, type Behaviour, type ModelEdge, type ModelNode, type PreparedTraffic } from './prepare';
export { runFlow, utilisationOf, type FlowResult } from './flow';
export { analyseTraffic, firstBottleneck, fmt, simulate, SEARCH_CEILING, type NodeTraffic, type PathLatency, type TrafficReport } from './report';
export { parseTrafficMultiple, simulationResultSchema, TRAFFIC_LIMITS, type SimulationNode, type SimulationResult } from './result';

// The bpmn-io properties panel and behaviours ship without type declarations.
declare module 'bpmn-js-properties-panel';
declare module '@bpmn-io/properties-panel';
declare module '@bpmn-io/properties-panel/preact';
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
declare module 'bpmn-moddle';
// dmn-js ships without type declarations; DecisionsPage types the few calls it makes (its `Views`).
declare module 'dmn-js/lib/Modeler';

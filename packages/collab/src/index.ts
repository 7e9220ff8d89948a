export * from './annotationsDoc';
export * from './annotationsDocRules';
export * from './closeCodes';
export * from './documentNames';
export * from './problemTreeDoc';
export * from './roadmapDoc';
export * from './SaveTracker';
export * from './saveProtocol';

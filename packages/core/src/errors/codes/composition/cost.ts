import { defineCodeTable } from '../../code-table.js';

export const COMPOSITION_COST_CODES = defineCodeTable({
  title: 'Composition: demand control (`@cost`, `@listSize`)',
  summary: 'Raised for invalid demand-control directives.',
  codes: {
    COST_APPLIED_TO_INTERFACE_FIELD: {
      description: '`@cost` is applied to an interface field; put it on the implementations.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    LIST_SIZE_APPLIED_TO_NON_LIST: {
      description:
        '`@listSize` is applied to a field that does not return a list (and has no `sizedFields`).',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    LIST_SIZE_INVALID_ASSUMED_SIZE: {
      description: '`@listSize(assumedSize:)` is negative.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    LIST_SIZE_INVALID_SLICING_ARGUMENT: {
      description: 'A `@listSize(slicingArguments:)` entry is not an `Int` argument of the field.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    LIST_SIZE_INVALID_SIZED_FIELD: {
      description: 'A `@listSize(sizedFields:)` entry is not a list field of the returned type.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
  },
});

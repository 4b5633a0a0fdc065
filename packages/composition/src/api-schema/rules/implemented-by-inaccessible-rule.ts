import type { InaccessibleContext } from '../inaccessible-context.js';
import { visibleCompositeTypes } from './visible-elements.js';

/**
 * A visible implementation must keep the whole visible shape of its visible interfaces: raises
 * `IMPLEMENTED_BY_INACCESSIBLE` when a field (or a field's argument) that implements a visible
 * interface field (or argument) is `@inaccessible`.
 */
export function ImplementedByInaccessibleRule(context: InaccessibleContext): void {
  for (const type of visibleCompositeTypes(context)) {
    const fields = type.getFields();
    for (const iface of type.getInterfaces()) {
      if (context.isHiddenType(iface)) continue;
      for (const ifaceField of Object.values(iface.getFields())) {
        if (context.isInaccessible(ifaceField)) continue;
        const field = fields[ifaceField.name];
        if (field === undefined) continue;
        if (context.isInaccessible(field)) {
          context.report(
            'IMPLEMENTED_BY_INACCESSIBLE',
            `Field "${type.name}.${field.name}" is @inaccessible, but it implements "${iface.name}.${ifaceField.name}", which is in the API schema.`,
            field.astNode,
          );
          continue;
        }
        for (const ifaceArg of ifaceField.args) {
          if (context.isInaccessible(ifaceArg)) continue;
          const arg = field.args.find((a) => a.name === ifaceArg.name);
          if (arg && context.isInaccessible(arg)) {
            context.report(
              'IMPLEMENTED_BY_INACCESSIBLE',
              `Argument "${type.name}.${field.name}(${arg.name}:)" is @inaccessible, but it implements "${iface.name}.${ifaceField.name}(${arg.name}:)", which is in the API schema.`,
              arg.astNode,
            );
          }
        }
      }
    }
  }
}

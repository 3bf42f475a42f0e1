/**
 * Reads a descriptor catalog (spec section 3): areas and their descriptors,
 * with the diagnostics that depend on this file alone.
 */
import { Document, isMap, isScalar, Node } from 'yaml';
import { Area, CatalogDocument, CodeDiagnostic, Descriptor } from '../model/types';
import { isDescriptorCode, isDocumentId, isRoman, repairDescriptorCode } from './codes';
import { reportRepeats } from './duplicates';
import { invalidIdDiagnostic } from './parseStrategy';
import { AliasResolver, pairsOf, scalarText, seqEntries, sourceScalar, SourceScalar } from './yamlNodes';

export function readCatalog(uri: string, text: string, doc: Document, resolver: AliasResolver): CatalogDocument {
  const diagnostics: CodeDiagnostic[] = [];
  const result: CatalogDocument = { kind: 'catalog', uri, title: '', areas: [], descriptors: [], diagnostics, length: text.length };
  const codeScalar = (node: unknown): SourceScalar | undefined => {
    const n = resolver.resolve(node);
    if (!isScalar(n)) {
      return undefined;
    }
    const s = sourceScalar(n, text);
    return s.codeLike ? s : undefined;
  };
  const top = resolver.resolve(doc.contents);
  if (!isMap(top)) {
    return result;
  }
  for (const [key, pair] of pairsOf(top)) {
    const value = pair.value as Node | null;
    if (key === 'catalog') {
      const s = codeScalar(value);
      if (s) {
        result.idSpan = s.span;
        if (isDocumentId(s.text)) {
          result.id = s.text;
        } else {
          diagnostics.push(invalidIdDiagnostic(s.text, s.span, 'id.invalidDocument'));
        }
      }
    } else if (key === 'title') {
      result.title = scalarText(value, resolver) ?? '';
    } else if (key === 'areas') {
      for (const entry of seqEntries(value, resolver)) {
        const map = resolver.resolve(entry);
        if (!isMap(map)) {
          continue;
        }
        const areaId = codeScalar(map.get('id', true));
        let area: Area | undefined;
        if (areaId) {
          if (isRoman(areaId.text)) {
            area = { id: areaId.text, title: scalarText(map.get('title', true), resolver), span: areaId.span };
            result.areas.push(area);
          } else {
            diagnostics.push(invalidIdDiagnostic(areaId.text, areaId.span, 'id.invalidArea'));
          }
        }
        for (const d of seqEntries(map.get('descriptors', true), resolver)) {
          const dmap = resolver.resolve(d);
          if (!isMap(dmap)) {
            continue;
          }
          const id = codeScalar(dmap.get('id', true));
          if (!id) {
            continue;
          }
          if (!isDescriptorCode(id.text)) {
            diagnostics.push(invalidIdDiagnostic(id.text, id.span, 'id.invalidDescriptor', repairDescriptorCode(id.text)));
            continue;
          }
          const areaOf = id.text.slice(0, id.text.indexOf('.'));
          if (area && areaOf !== area.id) {
            diagnostics.push({
              code: 'id-not-under-parent',
              severity: 'error',
              span: id.span,
              message: { id: 'id.descriptorNotInArea', args: [id.text, area.id] },
            });
          }
          const descriptor: Descriptor = { id: id.text, title: scalarText(dmap.get('title', true), resolver) ?? '', span: id.span, area: areaOf };
          result.descriptors.push(descriptor);
        }
      }
    }
  }
  reportRepeats(uri, result.descriptors, 'dup.descriptor', diagnostics);
  reportRepeats(uri, result.areas, 'dup.area', diagnostics);
  return result;
}

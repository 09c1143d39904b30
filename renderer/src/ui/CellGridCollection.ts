import type { TableState } from 'react-stately';
// The class useTableState builds from JSX, imported to build it from plain node objects instead
// (useTableState takes a ready `collection`). react-stately exports it under private/: an upgrade
// that moves it fails the build and test/renderer/ui/cellGrid.test.tsx, not the app at runtime.
import { TableCollection } from 'react-stately/private/table/TableCollection';
import { cellNodeKey, rowNodeKey } from './cellGridKeys';

type GridNode = TableState<object>['collection']['body'];

function node(fields: Partial<GridNode> & Pick<GridNode, 'type' | 'key' | 'index'>): GridNode {
  return {
    value: null,
    level: 0,
    rendered: null,
    textValue: '',
    hasChildNodes: false,
    childNodes: [],
    props: {},
    parentKey: null,
    ...fields,
  };
}

/**
 * React Aria's table collection for `rowKeys` × (row header + `columns`), built straight from
 * node objects. useTableState would build the same from <TableHeader>/<Row>/<Cell> elements
 * through react-stately's CollectionBuilder, whose generators cost ~12 ms for 100 × 11 cells on
 * this machine's Node (this: under 1 ms), paid again on every filter: the grid's filter press
 * spent most of its script time there. Same node fields as the builder's (types, indexes, levels,
 * parent keys); only the keys are the grid's own (`rowNodeKey`, `cellNodeKey` in cellGridKeys.ts).
 */
export function cellGridCollection(
  rowKeys: readonly string[],
  columns: readonly string[],
  rowHeaderName: string,
): TableState<object>['collection'] {
  const columnNodes = [rowHeaderName, ...columns].map((name, index) =>
    node({
      type: 'column',
      key: `col:${index}`,
      index,
      rendered: name,
      textValue: name,
      props: index === 0 ? { isRowHeader: true } : {},
    }),
  );
  const rows = rowKeys.map((rowKey, index) => {
    const key = rowNodeKey(rowKey);
    return node({
      type: 'item',
      key,
      index,
      parentKey: 'body',
      hasChildNodes: true,
      childNodes: columnNodes.map((_, c) =>
        node({ type: 'cell', key: cellNodeKey(rowKey, c - 1), index: c, level: 1, parentKey: key }),
      ),
    });
  });
  const body = node({
    type: 'body',
    key: 'body',
    index: columnNodes.length,
    hasChildNodes: true,
    childNodes: rows,
  });
  return new TableCollection<object>([...columnNodes, body]);
}

/** polylabel 2 ships no types: the one function the gazetteer build calls. */
declare module 'polylabel' {
  export default function polylabel(polygon: number[][][], precision?: number): number[];
}

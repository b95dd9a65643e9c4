/**
 * The region's detail below the first view's: the towns and villages below the cities
 * (GeoNames) and the rivers below the major ones (WDBII). A chunk of its own, loaded when the
 * map first comes close enough to draw them (src/lib/map/context.ts).
 */
import townsTopology from '../../../geodata/basemap/towns.geojson?context';
import minorRiversTopology from '../../../geodata/basemap/rivers-minor.geojson?context';
import { collectionOf } from './embedded.ts';

export const TOWNS = collectionOf(townsTopology);
export const MINOR_RIVERS = collectionOf(minorRiversTopology);

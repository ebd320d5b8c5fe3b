import { roundTripSuite } from './helpers/round-trip-suite';

roundTripSuite('postgres');

// The entry's first import, evaluated before the app's other modules: the first screen's calls to
// main leave now, while React, React Aria and the rest are compiled and evaluated (~200 ms cold).
import { askFirstScreen } from './platform/firstScreen';

askFirstScreen();

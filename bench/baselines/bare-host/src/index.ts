// The usual Module Federation async boundary: shared singletons are negotiated before the app runs.
import('./bootstrap.js');

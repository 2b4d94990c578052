import { exampleProjections, exampleUpcasters } from '../example/example-projections';
import { runRebuildCli } from './run-rebuild-cli';

// The library's own entry knows only the example projection; an app ships the same
// three lines with its own projections and upcasters.
if (require.main === module) {
  void runRebuildCli(exampleProjections, { upcasters: exampleUpcasters }).then((code) => {
    process.exitCode = code;
  });
}

// `npm start`: one API and one worker process (the compiled apps), stopped together on Ctrl-C / SIGTERM.
import { spawn } from 'node:child_process';

const apps = ['dist/apps/api/main.js', 'dist/apps/worker/main.js'];
const children = apps.map((entry) =>
  spawn(process.execPath, [entry], { stdio: 'inherit', env: process.env }),
);
let stopping = false;

const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGTERM'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children) {
  child.on('exit', (code) => {
    if (!stopping) {
      stop('SIGTERM');
      process.exitCode = code ?? 1;
    }
  });
}

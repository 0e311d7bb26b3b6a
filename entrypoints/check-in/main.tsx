import { render } from 'preact';

render(<main>Debrief</main>, document.getElementById('app')!);

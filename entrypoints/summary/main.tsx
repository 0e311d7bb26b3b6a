import { render } from 'preact';
import '@/components/styles.css';
import '@/components/trends.css';
import { App } from './App';

render(<App search={location.search} />, document.getElementById('app')!);

import { render } from 'preact';
import '@/components/styles.css';
import { App } from './App';

const sessionId = new URLSearchParams(location.search).get('session');
render(<App sessionId={sessionId} />, document.getElementById('app')!);

/** Options page entry: mounts the page. */
import { render } from 'preact';
import { localiseDocument } from '../ui/i18n';
import { Options } from './options';

localiseDocument('optionsTitle');
render(<Options />, document.getElementById('root')!);

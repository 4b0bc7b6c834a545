/** Popup entry: mounts the popup. */
import { render } from 'preact';
import { localiseDocument } from '../ui/i18n';
import { Popup } from './popup';

localiseDocument('extName');
render(<Popup search={location.search} />, document.getElementById('root')!);

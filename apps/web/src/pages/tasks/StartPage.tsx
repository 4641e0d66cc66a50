import { useParams } from 'react-router-dom';
import { StartList } from './StartList';
import { StartProcedure } from './StartProcedure';

/** /start lists what the user may start; /start/:key starts one. */
export default function StartPage() {
  const { key } = useParams();
  return key ? <StartProcedure processKey={key} /> : <StartList />;
}

/**
 * chart.js with only what the report draws (bars, doughnut, their scales, tooltip and legend).
 * Loaded with a dynamic import() from report-charts.tsx, so it lands in its own chunk and the
 * cashier's counter bundle does not grow.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  DoughnutController,
  ArcElement,
  Tooltip,
  Legend,
);

export { Chart };

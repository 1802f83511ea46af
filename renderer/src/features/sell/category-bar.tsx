import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/store-context';

/** Category chips; the chosen one filters the product grid. */
export function CategoryBar() {
  const { t } = useTranslation();
  const categories = useAppStore(useShallow((s) => s.categories));
  const selected = useAppStore((s) => s.category);
  const selectCategory = useAppStore((s) => s.selectCategory);
  const chip = (name: string | null, label: string) => (
    <button
      key={name ?? '*'}
      type="button"
      className="chip"
      aria-pressed={selected === name}
      onClick={() => void selectCategory(name)}
    >
      {label}
    </button>
  );
  return (
    <nav className="category-bar" aria-label={t('sell.categories')}>
      {chip(null, t('sell.allCategories'))}
      {categories.map((c) => chip(c.name, c.name))}
    </nav>
  );
}
